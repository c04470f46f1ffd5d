import type { DbClient } from '@smm/db';
import type { ProviderError } from '@smm/provider-client';

type Sql = DbClient['sql'];

export interface BreakerSettings {
  /** Consecutive `add` calls sent with no usable answer before the provider is tripped. */
  tripAfter: number;
  /** How long a tripped provider gets no new `add`; then one probe order may go. */
  cooldownMs: number;
}

/** Timeout phases before the request reached the provider: they still say the provider does not answer. */
const CONNECT_TIMEOUTS = new Set(['lookup', 'connect', 'secureConnect']);

/**
 * What counts towards tripping: a call sent with no usable answer (ambiguous: timeouts, resets,
 * unreadable replies) and timeouts while connecting. A refusal or a refused connection is an answer.
 */
export function countsAsNoAnswer(e: ProviderError): boolean {
  return e.kind === 'ambiguous' || (e.kind === 'not_sent' && CONNECT_TIMEOUTS.has(e.code ?? ''));
}

/**
 * One more call without an answer. The `tripAfter`-th in a row opens the breaker for the cool-down
 * and flags the provider with the reason, so the admin sees it on the providers page.
 */
export async function recordNoAnswer(
  sql: Sql,
  providerId: string,
  s: BreakerSettings,
): Promise<{ streak: number; tripped: boolean }> {
  const [row] = await sql<{ streak: number; tripped: boolean }[]>`
    update api_providers set
      ambiguous_streak = ambiguous_streak + 1,
      breaker_open_until = case when ambiguous_streak + 1 >= ${s.tripAfter}
                                then now() + ${s.cooldownMs} * interval '1 millisecond'
                                else breaker_open_until end,
      flagged_at = case when ambiguous_streak + 1 >= ${s.tripAfter} then coalesce(flagged_at, now()) else flagged_at end,
      flag_reason = case when ambiguous_streak + 1 >= ${s.tripAfter}
                         then 'circuit open: ' || (ambiguous_streak + 1) || ' calls in a row sent with no answer; '
                              || 'no new orders until the cool-down ends, then one probe'
                         else flag_reason end,
      updated_at = now()
    where id = ${providerId}
    returning ambiguous_streak as streak, ambiguous_streak >= ${s.tripAfter} as tripped`;
  return row ?? { streak: 0, tripped: false };
}

/** The provider answered (an order id or a refusal): the streak and any open breaker end. */
export async function recordAnswer(sql: Sql, providerId: string): Promise<void> {
  await sql`
    update api_providers set ambiguous_streak = 0, breaker_open_until = null, updated_at = now()
    where id = ${providerId} and (ambiguous_streak > 0 or breaker_open_until is not null)`;
}

/**
 * A tripped provider whose cool-down is over lets exactly one order through as a probe: of the
 * jobs racing here one moves the cool-down forward and sends; the others keep waiting.
 */
export async function takeProbe(sql: Sql, providerId: string, s: BreakerSettings): Promise<boolean> {
  const rows = await sql`
    update api_providers set breaker_open_until = now() + ${s.cooldownMs} * interval '1 millisecond'
    where id = ${providerId} and ambiguous_streak >= ${s.tripAfter}
      and (breaker_open_until is null or breaker_open_until <= now())
    returning 1`;
  return rows.length > 0;
}
