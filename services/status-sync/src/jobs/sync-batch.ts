import { writeBatch } from '@smm/db';
import type { Logger } from '@smm/logger';
import {
  isAccountWide,
  isProviderError,
  type PerOrder,
  type ProviderClient,
  type ProviderOrderStatus,
} from '@smm/provider-client';
import type { JobResult } from '@smm/queue';
import { type LoadedOrder, planBatch } from '../batch-plan.ts';
import type { JobContext } from '../context.ts';
import { backOffProvider, rescheduleOrders, resetProviderBackoff } from '../provider-backoff.ts';

/** The catalog's result schema for `sync-batch` (the admin routes read it). */
export type SyncBatchResult = JobResult<'sync-batch'>;

/**
 * One multi-status call for ≤100 orders of one provider, then one transaction for all their writes.
 * Provider-wide failures never throw (a BullMQ retry would only hammer a failing provider): they
 * back the provider off and reschedule the orders. Database errors throw, and BullMQ retries.
 */
export async function runSyncBatch(
  ctx: JobContext,
  input: { providerId: string; orderIds: string[] },
  log: Logger,
): Promise<SyncBatchResult> {
  const { sql, metrics } = ctx;
  const orders = await loadOrders(ctx, input);
  const found = new Set(orders.map((o) => o.id));
  const skipped = input.orderIds.filter((id) => !found.has(id));
  const result: SyncBatchResult = {
    synced: 0,
    changed: 0,
    errors: skipped.map((orderId) => ({
      orderId,
      message: 'not synced: not at this provider, or not processing/in progress',
    })),
  };
  if (orders.length === 0) return result;

  const provider = await ctx.providers.load(input.providerId);
  if (!provider) throw new Error(`provider ${input.providerId} does not exist`);
  const ids = orders.map((o) => o.id);

  if (provider.backoffUntil) {
    const until = provider.backoffUntil;
    const message = `provider in sync backoff until ${until}`;
    await rescheduleOrders(sql, ids, until, message);
    metrics.batches.inc({ outcome: 'backoff' });
    return withProviderError(result, ids, { kind: 'backoff', message, backoffUntil: until });
  }

  let reply: Map<string, PerOrder<ProviderOrderStatus>>;
  try {
    const client = ctx.providers.clientFor(provider);
    reply = await fetchStatuses(client, [...new Set(orders.map((o) => o.providerOrderId))]);
  } catch (err) {
    if (!isProviderError(err)) throw err;
    const message = `status sync failed: ${err.message}`;
    const until = await backOffProvider(sql, {
      providerId: input.providerId,
      orderIds: ids,
      message,
      baseMs: ctx.settings.providerBackoff.baseMs,
      maxMs: ctx.settings.providerBackoff.maxMs,
      retryAfterMs: err.retryAfterMs,
    });
    log.warn(
      { kind: err.kind, httpStatus: err.httpStatus, backoffUntil: until, orders: ids.length },
      'provider-wide status failure; provider backed off',
    );
    metrics.batches.inc({ outcome: 'provider_error' });
    return withProviderError(result, ids, { kind: err.kind, message, backoffUntil: until });
  }

  if (provider.syncFailures > 0) await resetProviderBackoff(sql, provider.id);

  const plan = planBatch(orders, reply, { maxOrderErrors: ctx.settings.maxOrderErrors });
  const scale = ctx.settings.pollScale ?? 1;
  if (scale !== 1) {
    for (const row of plan.rows)
      if (row.nextInMs !== null) row.nextInMs = Math.max(1_000, Math.round(row.nextInMs * scale));
  }
  const written = await writeBatch(sql, input.providerId, plan);

  for (const row of plan.rows) {
    if (!written.applied.has(row.id)) continue;
    if (row.ok) result.synced++;
    if (row.status !== row.expected) {
      result.changed++;
      metrics.ordersChanged.inc({ provider: input.providerId, status: row.status });
    }
  }
  for (const r of written.refunds) metrics.refundsApplied.inc({ kind: r.kind });
  metrics.ordersSynced.inc({ provider: input.providerId }, result.synced);
  metrics.orderErrors.inc({ provider: input.providerId }, plan.errors.length);
  metrics.batches.inc({ outcome: 'ok' });
  result.errors.push(...plan.errors);
  const lost = plan.rows.filter((r) => !written.applied.has(r.id)).map((r) => r.id);
  for (const orderId of lost) {
    result.errors.push({ orderId, message: 'not written: the order changed while its status was fetched' });
  }
  if (plan.errors.length > 0) log.info({ errors: plan.errors.length }, 'per-order errors in status reply');
  // Unknown provider words and partials without readable remains: kept on the order, and said here.
  const attention = plan.rows
    .filter((r) => r.ok && r.lastError !== null && written.applied.has(r.id))
    .map((r) => ({ orderId: r.id, providerStatus: r.providerStatus, note: r.lastError }));
  if (attention.length > 0)
    log.warn({ orders: attention.slice(0, 20), count: attention.length }, 'status entries need attention');
  return result;
}

async function loadOrders(
  ctx: JobContext,
  input: { providerId: string; orderIds: string[] },
): Promise<LoadedOrder[]> {
  return ctx.sql<LoadedOrder[]>`
    select o.id, o.user_id as "userId", o.status, o.provider_order_id as "providerOrderId",
           -- units: what the order delivers (quantity × runs for drip-feed); remains and refunds measure against it.
           o.units as quantity, o.service_type as "serviceType", o.runs, o.sync_errors as "syncErrors",
           o.price::text as price, o.currency, o.provider_status as "providerStatus",
           o.start_count::text as "startCount", o.remains::text as remains,
           o.unchanged_checks as "unchangedChecks",
           (extract(epoch from now() - coalesce(o.submitted_at, o.created_at)) * 1000)::float8 as "ageMs",
           coalesce((select sum(l.amount) from ledger l where l.order_id = o.id and l.kind = 'refund'), 0)::text
             as refunded
    from orders o
    where o.id in (select jsonb_array_elements_text(${JSON.stringify(input.orderIds)}::jsonb))
      and o.provider_id = ${input.providerId}
      and o.status in ('processing', 'in_progress')
      and o.provider_order_id is not null
    order by o.id`;
}

function withProviderError(
  result: SyncBatchResult,
  orderIds: string[],
  providerError: NonNullable<SyncBatchResult['providerError']>,
): SyncBatchResult {
  for (const orderId of orderIds) result.errors.push({ orderId, message: providerError.message });
  return { ...result, providerError };
}

/**
 * One multi-status call; when the provider refuses the whole call over one order ("Incorrect order
 * ID" for a list with one unknown id), the list is halved until the refusal lands on the orders it is
 * about — so one lost order never stalls the others, and its error is counted on it alone.
 */
async function fetchStatuses(
  client: ProviderClient,
  ids: string[],
): Promise<Map<string, PerOrder<ProviderOrderStatus>>> {
  try {
    return await client.multiStatus(ids);
  } catch (err) {
    const perOrder =
      isProviderError(err) &&
      (err.kind === 'rejected_soft' || err.kind === 'rejected_hard') &&
      err.providerMessage !== undefined &&
      !isAccountWide(err.providerMessage);
    if (!perOrder) throw err;
    if (ids.length === 1) return new Map([[ids[0]!, { ok: false, error: err.providerMessage! }]]);
    const mid = Math.ceil(ids.length / 2);
    const left = await fetchStatuses(client, ids.slice(0, mid));
    const right = await fetchStatuses(client, ids.slice(mid));
    return new Map([...left, ...right]);
  }
}
