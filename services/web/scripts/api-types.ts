import { writeFile } from 'node:fs/promises';
import { createDb, createSecretBox } from '@smm/db';
import { buildGateway, loadConfig } from '@smm/gateway';
import { createLogger } from '@smm/logger';
import { createProducerConnection, Producer } from '@smm/queue';
import { Redis } from 'ioredis';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** The generated file the pages' API types derive from (src/api/types.ts). */
export const SCHEMA_FILE = new URL('../src/api/schema.d.ts', import.meta.url);

const HEADER = `// Generated from the gateway's OpenAPI document (GET /docs/json) by
// \`npm run api:types -w @smm/web\` (services/web/scripts/api-types.ts). Do not edit:
// test/api-types.test.ts fails when this file and the gateway's routes disagree.

`;

/**
 * The gateway's OpenAPI document, from the very app main.ts runs (buildGateway) on fixed settings.
 * Building it does no I/O: Postgres and Redis clients are made lazily and never connect.
 */
export async function gatewayOpenApi(): Promise<OpenAPI3> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:1/openapi-unused',
    REDIS_URL: 'redis://127.0.0.1:1',
    JWT_SECRET: 'openapi-generation-secret-0123456789abcdef',
    LOG_LEVEL: 'silent',
    // Where the pages are built must not change the document (their routes are hidden anyway).
    WEB_DIST_DIR: '/nonexistent/smm-web-dist',
  });
  const redis = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false });
  const producerConnection = createProducerConnection(config.redisUrl, { lazyConnect: true });
  const db = createDb(config.databaseUrl);
  const app = await buildGateway({
    config,
    db,
    producer: new Producer({ connection: producerConnection, prefix: config.bullPrefix }),
    redis,
    logger: createLogger({ service: 'openapi', level: 'silent' }),
    secretBox: createSecretBox(config.secretsKey),
  });
  try {
    await app.ready();
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
    redis.disconnect();
    producerConnection.disconnect();
    await db.close(0);
  }
}

/** src/api/schema.d.ts as it should be now. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(await gatewayOpenApi(), { alphabetize: true });
  return HEADER + astToString(ast);
}

if (import.meta.main) {
  await writeFile(SCHEMA_FILE, await generateApiTypes());
  console.log(`wrote ${SCHEMA_FILE.pathname}`);
}
