import { openRefills, writeRefillStates } from '@smm/db';
import { normalizeProviderWord } from '@smm/domain';
import type { Logger } from '@smm/logger';
import { isProviderError, MAX_MULTI, type PerOrder } from '@smm/provider-client';
import type { JobResult } from '@smm/queue';
import type { JobContext } from '../context.ts';
import { backOffProvider, resetProviderBackoff } from '../provider-backoff.ts';

/** The catalog's result schema for `sync-refills` (the admin routes read it). */
export type SyncRefillsResult = JobResult<'sync-refills'>;

/** At most this many refills per run; the rest wait for the next one (oldest first). */
const MAX_PER_RUN = 2_000;

const DONE = new Set(['completed', 'complete', 'success', 'done']);
const REFUSED = new Set(['rejected', 'canceled', 'cancelled', 'refunded', 'error', 'failed']);

/** A provider's refill word → our refill status; anything else (Pending, In progress…) keeps it open. */
export function refillStatusFor(word: string): 'completed' | 'rejected' | 'processing' {
  const w = normalizeProviderWord(word);
  if (DONE.has(w)) return 'completed';
  if (REFUSED.has(w)) return 'rejected';
  return 'processing';
}

/**
 * `sync-refills`: refills the provider has (`processing`) asked about with one `refill_status` call
 * per ≤ 100 of a provider; finished ones → completed / rejected, guarded on `processing` so two runs
 * cannot write one twice. A provider-wide failure backs the provider off exactly as a failed
 * status batch does (one backoff per provider: the same API is down for both), and a provider in
 * backoff is not asked; a per-refill error is kept on the refill.
 */
export async function runSyncRefills(ctx: JobContext, log: Logger): Promise<SyncRefillsResult> {
  const open = await openRefills(ctx.sql, MAX_PER_RUN);
  const result: SyncRefillsResult = { checked: 0, changed: 0, errors: [] };
  const byProvider = Map.groupBy(open, (r) => r.providerId);
  for (const [providerId, refills] of byProvider) {
    const provider = await ctx.providers.load(providerId);
    if (!provider || provider.backoffUntil) continue;
    let failures = provider.syncFailures;
    for (let i = 0; i < refills.length; i += MAX_MULTI) {
      const chunk = refills.slice(i, i + MAX_MULTI);
      let reply: Map<string, PerOrder<string>>;
      try {
        reply = await ctx.providers
          .clientFor(provider)
          .multiRefillStatus([...new Set(chunk.map((r) => r.providerRefillId))]);
      } catch (err) {
        if (!isProviderError(err)) throw err;
        const until = await backOffProvider(ctx.sql, {
          providerId,
          // Its orders wait by themselves: the sweep skips a provider in backoff.
          orderIds: [],
          message: `refill status failed: ${err.message}`,
          baseMs: ctx.settings.providerBackoff.baseMs,
          maxMs: ctx.settings.providerBackoff.maxMs,
          retryAfterMs: err.retryAfterMs,
        });
        log.warn(
          { providerId, kind: err.kind, refills: chunk.length, backoffUntil: until },
          'provider-wide refill status failure; provider backed off',
        );
        for (const r of chunk) result.errors.push({ refillId: r.id, message: err.message });
        break;
      }
      if (failures > 0) {
        await resetProviderBackoff(ctx.sql, providerId);
        failures = 0;
      }
      const rows = chunk.map((r) => {
        const entry = reply.get(r.providerRefillId);
        result.checked++;
        if (!entry?.ok) {
          const message = entry?.error ?? 'missing from the provider reply';
          result.errors.push({ refillId: r.id, message });
          return { ...r, status: 'processing', word: r.providerStatus, error: message };
        }
        return { ...r, status: refillStatusFor(entry.value), word: entry.value, error: null };
      });
      result.changed += await writeRefillStates(ctx.sql, rows);
    }
  }
  return result;
}
