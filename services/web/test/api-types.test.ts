import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from '../scripts/api-types.ts';

// The pages' API types (src/api/types.ts) derive from src/api/schema.d.ts, generated from the
// gateway's OpenAPI document: a route that changes its schema must regenerate the file.
describe('src/api/schema.d.ts', () => {
  it('is what openapi-typescript makes of the gateway OpenAPI document now', async () => {
    const fresh = await generateApiTypes();
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(fresh).toContain('"/api/user/orders/quote"');
    // On failure: `npm run api:types -w @smm/web`, then review and commit the diff.
    expect(committed === fresh, 'schema.d.ts is stale: run `npm run api:types -w @smm/web`').toBe(true);
  });
});
