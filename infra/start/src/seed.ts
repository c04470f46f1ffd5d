import { hash } from '@node-rs/argon2';
import { adjustBalance, createSecretBox, importProviderServices, type SqlLike } from '@smm/db';
import { newId } from '@smm/domain';
import { ProviderClient } from '@smm/provider-client';

export interface SeedOptions {
  sandboxApiUrl: string;
  sandboxApiKey: string;
  secretsKey: Buffer;
  demoEmail: string;
  demoPassword: string;
  markupPercent: string;
}

export interface SeedResult {
  providerId: string;
  services: { created: number; updated: number; disabled: number };
  demoCreated: boolean;
}

/** Idempotent: the sandbox provider, its services (re-imported each start), a funded demo customer, a demo payment method. */
export async function seed(sql: SqlLike, opts: SeedOptions): Promise<SeedResult> {
  const box = createSecretBox(opts.secretsKey);
  const [existing] = await sql<{ id: string }[]>`select id from api_providers where name = 'Sandbox' limit 1`;
  const providerId = existing?.id ?? newId('provider');
  if (existing) {
    await sql`update api_providers set api_url = ${opts.sandboxApiUrl}, api_key_enc = ${box.encrypt(opts.sandboxApiKey)},
              status = 'active', updated_at = now() where id = ${providerId}`;
  } else {
    await sql`insert into api_providers (id, name, api_url, api_key_enc, max_concurrency)
              values (${providerId}, 'Sandbox', ${opts.sandboxApiUrl}, ${box.encrypt(opts.sandboxApiKey)}, 20)`;
  }
  const client = new ProviderClient({ apiUrl: opts.sandboxApiUrl, apiKey: opts.sandboxApiKey });
  const { services } = await client.services();
  const imported = await importProviderServices(sql, services, {
    providerId,
    markupPercent: opts.markupPercent,
  });

  const email = opts.demoEmail.toLowerCase();
  const [demo] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
  let demoCreated = false;
  if (!demo) {
    const id = newId('user');
    const inserted = await sql`
      insert into users (id, email, name, password_hash, role, currency, dollar_rate)
      values (${id}, ${email}, 'Demo Customer', ${await hash(opts.demoPassword)}, 'user', 'USD', '120')
      on conflict (email) do nothing returning id`;
    if (inserted.length) {
      await adjustBalance(sql, { userId: id, amount: '100', kind: 'deposit', note: 'demo funds' });
      demoCreated = true;
    }
  }
  // A way to add funds out of the box, once: an admin who edits or removes it keeps their choice.
  const [anyMethod] = await sql`select 1 from payment_methods limit 1`;
  if (!anyMethod) {
    await sql`
      insert into payment_methods (id, name, kind, currency, account, instructions, min_amount, max_amount, sort_order)
      values (${newId('paymentMethod')}, 'bKash (demo)', 'mobile_wallet', 'BDT', '01700-000000',
              ${'Send Money to 01700-000000 from your bKash app, then submit the amount and the TrxID it shows.\nAn admin checks it and credits your balance.'},
              100, 25000, 0)`;
  }
  return { providerId, services: imported, demoCreated };
}
