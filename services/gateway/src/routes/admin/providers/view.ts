import { maskSecret, type SecretBox, type SqlLike } from '@smm/db';
import type { z } from 'zod';
import { iso } from '../../cursor.ts';
import type { providerSchema } from './schemas.ts';

export type ProviderView = z.infer<typeof providerSchema>;
type Row = Omit<ProviderView, 'apiKeyMasked'> & { apiKeyEnc: string };

/** The provider columns an admin sees; the encrypted key only to mask it, the password only as "set". */
export function providerColumns(sql: SqlLike) {
  return sql.unsafe(`
    p.id, p.name, p.api_url as "apiUrl", p.api_key_enc as "apiKeyEnc", p.login_user as "loginUser",
    p.login_pass_enc is not null as "loginPassSet", p.status, p.is_custom as "isCustom", p.kind,
    p.max_concurrency as "maxConcurrency", p.rate_to_usd::text as "rateToUsd", p.last_balance::text as "lastBalance",
    p.last_balance_currency as "lastBalanceCurrency", ${iso('p.last_balance_at')} as "lastBalanceAt",
    ${iso('p.flagged_at')} as "flaggedAt", p.flag_reason as "flagReason",
    case when p.sync_backoff_until > now() then ${iso('p.sync_backoff_until')} end as "syncBackoffUntil",
    p.sync_failures as "syncFailures", p.ambiguous_streak as "ambiguousStreak",
    case when p.breaker_open_until > now() then ${iso('p.breaker_open_until')} end as "breakerOpenUntil",
    (select count(*)::int from services s where s.provider_id = p.id) as "servicesCount",
    (select count(*)::int from orders o where o.provider_id = p.id
       and o.status in ('pending', 'submitting', 'needs_review', 'processing', 'in_progress')) as "openOrders",
    ${iso('p.created_at')} as "createdAt", ${iso('p.updated_at')} as "updatedAt"`);
}

export function toView(box: SecretBox, { apiKeyEnc, ...row }: Row): ProviderView {
  let apiKeyMasked: string | null = null;
  try {
    apiKeyMasked = maskSecret(box.decrypt(apiKeyEnc));
  } catch {
    // Encrypted under another SECRETS_KEY (or seeded raw): shown as unreadable, never as is.
  }
  return { ...row, apiKeyMasked };
}

export async function loadProviderView(
  sql: SqlLike,
  box: SecretBox,
  id: string,
): Promise<ProviderView | null> {
  const [row] = await sql<Row[]>`select ${providerColumns(sql)} from api_providers p where p.id = ${id}`;
  return row ? toView(box, row) : null;
}

export async function listProviderViews(
  sql: SqlLike,
  box: SecretBox,
  filter: { status?: string | undefined; flagged?: boolean | undefined },
): Promise<ProviderView[]> {
  const empty = sql``;
  const rows = await sql<Row[]>`
    select ${providerColumns(sql)} from api_providers p
    where true
      ${filter.status ? sql`and p.status = ${filter.status}` : empty}
      ${filter.flagged === undefined ? empty : filter.flagged ? sql`and p.flagged_at is not null` : sql`and p.flagged_at is null`}
    order by p.flagged_at is null, p.name, p.id`;
  return rows.map((r) => toView(box, r));
}
