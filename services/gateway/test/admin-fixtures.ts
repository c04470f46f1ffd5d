import type { SecretBox, SqlLike } from '@smm/db';
import { newId } from '@smm/domain';
import type { FastifyInstance } from 'fastify';
import { seedUser } from './harness.ts';

export interface Sessions {
  adminId: string;
  userId: string;
  admin: string;
  user: string;
}

/** An admin and a plain user with session tokens. */
export async function sessions(app: FastifyInstance, sql: SqlLike): Promise<Sessions> {
  const adminId = await seedUser(sql, { role: 'admin' });
  const userId = await seedUser(sql, { balance: '1000' });
  return {
    adminId,
    userId,
    admin: app.issueToken({ id: adminId, role: 'admin' }),
    user: app.issueToken({ id: userId, role: 'user' }),
  };
}

export interface SandboxCatalog {
  providerId: string;
  categoryId: string;
  /** auto-mode, sandbox service 1 (min 50). */
  autoServiceId: string;
  /** manual-mode, sandbox service 1. */
  manualServiceId: string;
}

/** A provider row for a sandbox (its key encrypted as the gateway stores it) with an auto and a manual service. */
export async function insertSandboxProvider(
  sql: SqlLike,
  box: SecretBox,
  sandbox: { apiUrl: string; apiKey: string },
): Promise<SandboxCatalog> {
  const c: SandboxCatalog = {
    providerId: newId('provider'),
    categoryId: newId('category'),
    autoServiceId: newId('service'),
    manualServiceId: newId('service'),
  };
  await sql`insert into categories (id, name) values (${c.categoryId}, ${`Followers ${c.categoryId}`})`;
  await sql`insert into api_providers (id, name, api_url, api_key_enc)
            values (${c.providerId}, 'Sandbox', ${sandbox.apiUrl}, ${box.encrypt(sandbox.apiKey)})`;
  for (const [id, mode, psid] of [
    [c.autoServiceId, 'auto', '1'],
    [c.manualServiceId, 'manual', '2'],
  ] as const) {
    await sql`insert into services (id, name, category_id, provider_id, provider_service_id, rate, rate_usd,
                                    min_order, max_order, mode)
              values (${id}, ${`IG ${mode}`}, ${c.categoryId}, ${c.providerId}, ${psid}, '100', '1', 50, 100000, ${mode})`;
  }
  return c;
}

/** A charged order (through the customer API) in a given state, as the workers would leave it. */
export async function orderIn(
  app: FastifyInstance,
  sql: SqlLike,
  token: string,
  c: SandboxCatalog,
  opts: {
    status?: string;
    providerOrderId?: string | null;
    link?: string;
    quantity?: number;
    manual?: boolean;
  } = {},
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/user/create-orders',
    headers: { authorization: `Bearer ${token}` },
    payload: {
      categoryId: c.categoryId,
      serviceId: opts.manual === false ? c.autoServiceId : c.manualServiceId,
      link: opts.link ?? 'https://instagram.com/someone',
      qty: opts.quantity ?? 1000,
    },
  });
  if (res.statusCode !== 201) throw new Error(`order not created: ${res.body}`);
  const orderId = (res.json() as { orderIds: string[] }).orderIds[0]!;
  if (opts.status) {
    await sql`update orders set status = ${opts.status}, provider_order_id = ${opts.providerOrderId ?? null},
                                provider_id = ${c.providerId}
              where id = ${orderId}`;
  }
  return orderId;
}

export async function ledgerOf(sql: SqlLike, orderId: string) {
  return sql<{ kind: string; amount: string; actorId: string | null }[]>`
    select kind, amount::text, actor_id as "actorId" from ledger where order_id = ${orderId} order by created_at, id`;
}
