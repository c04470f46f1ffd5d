import { allowedSources, type OrderStatus } from '@smm/domain';

/**
 * The statuses an order may move to `to` from — the state machine's sources, or the given subset of
 * them. Every guarded `update orders … where status = any($from)` takes its list from here, so a
 * move the state machine forbids can never be written, and a second worker or a retried job that
 * finds the order elsewhere writes nothing.
 */
export function sourcesOf(to: OrderStatus, only?: readonly OrderStatus[]): OrderStatus[] {
  const allowed = allowedSources(to);
  if (!only) return allowed;
  const bad = only.filter((s) => !allowed.includes(s));
  if (bad.length > 0) throw new RangeError(`the state machine forbids ${bad.join(', ')} → ${to}`);
  return [...only];
}
