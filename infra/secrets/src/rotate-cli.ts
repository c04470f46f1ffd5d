// `npm run secrets:rotate`: re-encrypts every provider secret (api_key_enc, login_pass_enc) from the
// old SECRETS_KEY to a new one, in one transaction. Environment:
//   DATABASE_URL           the panel's database
//   SECRETS_KEY            the NEW key (npm run -s secrets:new makes one)
//   SECRETS_KEY_PREVIOUS   the OLD key, the one the secrets are under now
// Run it after the services were restarted with both keys (they open either, seal with the new one);
// afterwards drop SECRETS_KEY_PREVIOUS and restart them again. Running it twice is harmless.
// `--skip-unreadable` rotates what opens and leaves providers whose secret opens with neither key.
import {
  ConfigError,
  databaseEnv,
  MAKE_ONE,
  nodeEnv,
  parseEnv,
  resolveSecretsKeys,
  secretsKeyEnv,
  weakSecretReason,
} from '@smm/config';
import { createDb, createSecretBox, RotationError, rotateProviderSecrets } from '@smm/db';
import { z } from 'zod';

const schema = z.object({ ...nodeEnv, ...databaseEnv, ...secretsKeyEnv }).superRefine((env, ctx) => {
  const flagged = (name: string) => ctx.issues.some((i) => i.path?.[0] === name);
  if (!env.SECRETS_KEY) {
    ctx.addIssue({ code: 'custom', path: ['SECRETS_KEY'], message: `is required: the new key; ${MAKE_ONE}` });
  } else if (!flagged('SECRETS_KEY')) {
    // The new key must be one production accepts, whatever NODE_ENV says here.
    const weak = weakSecretReason('SECRETS_KEY', env.SECRETS_KEY);
    if (weak) ctx.addIssue({ code: 'custom', path: ['SECRETS_KEY'], message: weak });
  }
  if (!env.SECRETS_KEY_PREVIOUS) {
    ctx.addIssue({
      code: 'custom',
      path: ['SECRETS_KEY_PREVIOUS'],
      message: 'is required: the old key, the one the provider secrets are encrypted with now',
    });
  }
});

function fail(message: string): never {
  process.stderr.write(`secrets:rotate: ${message}\n`);
  process.exit(1);
}

const safeUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

let env: z.infer<typeof schema>;
let keys: ReturnType<typeof resolveSecretsKeys>;
try {
  env = parseEnv('secrets:rotate', schema, process.env);
  keys = resolveSecretsKeys(env, 'secrets:rotate');
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}

const box = createSecretBox(keys.previous ? [keys.current, keys.previous] : [keys.current]);
const db = createDb(env.DATABASE_URL, {
  max: 1,
  applicationName: 'secrets-rotate',
  prepare: env.DATABASE_PREPARE,
});
try {
  const r = await rotateProviderSecrets(db.sql, box, {
    skipUnreadable: process.argv.includes('--skip-unreadable'),
  });
  process.stdout.write(
    `rotated provider secrets in ${safeUrl(env.DATABASE_URL)}: ${r.reencrypted} re-encrypted with the new ` +
      `SECRETS_KEY, ${r.alreadyCurrent} already under it (${r.providers} provider(s))\n`,
  );
  if (r.unreadable.length > 0) {
    process.stdout.write(
      `left alone, opening with neither key: providers ${r.unreadable.join(', ')} (set their API key again)\n`,
    );
  }
  process.stdout.write(
    'next: restart the services with the new SECRETS_KEY only (drop SECRETS_KEY_PREVIOUS)\n',
  );
  await db.close();
} catch (e) {
  await db.close(1).catch(() => {});
  if (e instanceof RotationError) {
    fail(
      `${e.message}. Is SECRETS_KEY_PREVIOUS the key they were saved with? (--skip-unreadable rotates the rest)`,
    );
  }
  const err = e as { code?: string; message?: string };
  fail(
    `could not rotate in ${safeUrl(env.DATABASE_URL)}: ${[err.code, err.message].filter(Boolean).join(' ')}`,
  );
}
