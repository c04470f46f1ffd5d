import { randomBytes } from 'node:crypto';
import { newId } from '@smm/domain';
import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { createSecretBox, RotationError, rotateProviderSecrets } from '../src/index.ts';

const t = await useTestDatabase();
const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const oldBox = createSecretBox(oldKey);
const rotating = createSecretBox([newKey, oldKey]);

async function provider(apiKeyEnc: string, loginPassEnc: string | null = null): Promise<string> {
  const id = newId('provider');
  await t.sql`insert into api_providers (id, name, api_url, api_key_enc, login_pass_enc)
              values (${id}, 'P', 'https://p.example/api/v2', ${apiKeyEnc}, ${loginPassEnc})`;
  return id;
}

async function row(id: string) {
  const [r] = await t.sql<{ apiKeyEnc: string; loginPassEnc: string | null }[]>`
    select api_key_enc as "apiKeyEnc", login_pass_enc as "loginPassEnc" from api_providers where id = ${id}`;
  return r!;
}

describe('rotateProviderSecrets', () => {
  it('re-encrypts every api key and login password under the new key, once', async () => {
    const a = await provider(oldBox.encrypt('key-a'), oldBox.encrypt('pass-a'));
    const b = await provider(oldBox.encrypt('key-b'));
    // Already under the new key (an admin saved it after the services switched): left alone.
    const c = await provider(rotating.encrypt('key-c'));
    const before = await row(c);

    const first = await rotateProviderSecrets(t.sql, rotating);
    expect(first).toEqual({ providers: 3, reencrypted: 3, alreadyCurrent: 1, unreadable: [] });

    const onlyNew = createSecretBox(newKey);
    expect(onlyNew.decrypt((await row(a)).apiKeyEnc)).toBe('key-a');
    expect(onlyNew.decrypt((await row(a)).loginPassEnc!)).toBe('pass-a');
    expect(onlyNew.decrypt((await row(b)).apiKeyEnc)).toBe('key-b');
    expect((await row(b)).loginPassEnc).toBeNull();
    expect(await row(c)).toEqual(before);

    // Twice is harmless: everything is recognised as current.
    const again = await rotateProviderSecrets(t.sql, rotating);
    expect(again).toEqual({ providers: 3, reencrypted: 0, alreadyCurrent: 4, unreadable: [] });
  });

  it('changes nothing when some secret opens with neither key (a wrong SECRETS_KEY_PREVIOUS)', async () => {
    const stranger = createSecretBox(randomBytes(32));
    const bad = await provider(stranger.encrypt('lost'));
    const good = await provider(oldBox.encrypt('key-g'));
    const before = await row(good);
    const err = await rotateProviderSecrets(t.sql, rotating).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RotationError);
    expect((err as RotationError).providerIds).toEqual([bad]);
    expect((err as Error).message).not.toContain('lost');
    expect(await row(good)).toEqual(before);

    // With skipUnreadable the rest is rotated and the unreadable provider reported.
    const partial = await rotateProviderSecrets(t.sql, rotating, { skipUnreadable: true });
    expect(partial.unreadable).toEqual([bad]);
    expect(partial.reencrypted).toBe(1);
    expect(createSecretBox(newKey).decrypt((await row(good)).apiKeyEnc)).toBe('key-g');
  });
});
