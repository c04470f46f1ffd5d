import type { OrderStatus, OutcomeRule } from '../outcomes.ts';
import { deriveSeed, mulberry32, randomInt } from '../prng.ts';
import type { Order } from './order.ts';

export interface PlanSettings {
  seed: number;
  durationMs: number;
  partialRate: number;
  cancelRate: number;
}

export interface OrderRequest {
  id: number;
  service: number;
  link: string;
  quantity: number;
  charge: string;
  runs?: number;
  interval?: number;
}

/** Share of an order's run time spent Pending before delivery starts. */
const PENDING_SHARE = 0.1;

/**
 * Decides an order's future from the seed and its id alone, so two sandboxes with the same seed
 * tell the same story for the same order ids.
 */
export function planOrder(
  req: OrderRequest,
  now: number,
  settings: PlanSettings,
  forced: OutcomeRule | undefined,
): Order {
  const rng = mulberry32(deriveSeed(settings.seed, req.id));
  const roll = rng();
  const startCount = forced?.startCount ?? randomInt(rng, 0, 20000);
  const durationRoll = rng();
  const remainsRoll = rng();

  let finalStatus: OrderStatus;
  if (forced) finalStatus = forced.status;
  else if (roll < settings.partialRate && req.quantity > 1) finalStatus = 'Partial';
  else if (roll < settings.partialRate + settings.cancelRate) finalStatus = 'Canceled';
  else finalStatus = 'Completed';

  let finalRemains: number;
  if (forced?.remains !== undefined) finalRemains = forced.remains;
  else if (finalStatus === 'Partial') {
    // Real partials usually miss a modest share: 5–60% of the order.
    const lo = Math.max(1, Math.floor(req.quantity * 0.05));
    const hi = Math.max(lo, Math.min(req.quantity - 1, Math.ceil(req.quantity * 0.6)));
    finalRemains = lo + Math.floor(remainsRoll * (hi - lo + 1));
  } else if (finalStatus === 'Completed') finalRemains = 0;
  else finalRemains = req.quantity;

  // A typical order takes between half and all of the configured duration.
  const duration = forced?.durationMs ?? Math.round(settings.durationMs * (0.5 + 0.5 * durationRoll));
  const stuck = finalStatus === 'Pending' || finalStatus === 'In progress';
  // Canceled orders never start delivering: they sit Pending, then flip to Canceled.
  const startAt = finalStatus === 'Canceled' ? now + duration : now + Math.round(duration * PENDING_SHARE);

  const order: Order = {
    id: req.id,
    service: req.service,
    link: req.link,
    quantity: req.quantity,
    charge: req.charge,
    createdAt: now,
    startAt: finalStatus === 'Pending' ? Number.POSITIVE_INFINITY : startAt,
    finishAt: stuck ? Number.POSITIVE_INFINITY : now + duration,
    startCount,
    finalStatus,
    finalRemains,
    refunded: false,
  };
  if (req.runs !== undefined) order.runs = req.runs;
  if (req.interval !== undefined) order.interval = req.interval;
  return order;
}
