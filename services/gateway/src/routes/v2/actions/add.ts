import {
  allowsDripFeed,
  commentLines,
  DRIP_FEED,
  isPackageService,
  linkSchema,
  parsePublicNumber,
  takesComments,
} from '@smm/domain';
import { AppError, ERROR_CODE } from '../../../errors.ts';
import { enqueueForwarding } from '../../../use-cases/forwarding.ts';
import type { CatalogService } from '../../../use-cases/intake-cache.ts';
import { createOrders, type IntakeLine } from '../../../use-cases/order-intake.ts';
import type { V2Action } from '../context.ts';
import { positiveInt, V2_ERROR, V2Error } from '../params.ts';

/**
 * `add` (`service` is the service's number; the reply's `order` the order's) through the same intake as create-orders (pricing, one debit, ledger, activity, forwarding).
 * Per service type, as panels do: Package takes the link only (one bundle); Custom Comments takes
 * `comments`, one per line, and the quantity is the number of lines; drip-feed services also take
 * `runs` and `interval` (minutes) — `quantity` is per run, the order delivers and costs
 * quantity × runs. Other unknown fields are ignored, as panels ignore them.
 */
export const addAction: V2Action = async ({ app, log, reseller, params }) => {
  const { sql } = app.deps.db;
  const { cache, forwardQueue } = app.intake;
  const serviceNumber = parsePublicNumber(params.service);
  const serviceId = serviceNumber === null ? null : await cache.serviceIdByNumber(sql, serviceNumber);
  const svc = serviceId === null ? undefined : (await cache.services(sql, [serviceId])).get(serviceId);
  if (!serviceId || svc?.status !== 'active' || svc.categoryStatus !== 'active')
    throw new V2Error(V2_ERROR.service);
  const link = linkSchema.safeParse(params.link ?? '');
  if (!link.success) throw new V2Error(V2_ERROR.link);

  const line: IntakeLine = { categoryId: svc.categoryId, serviceId, link: link.data, ...sizeOf(svc, params) };
  try {
    const result = await createOrders(sql, cache, {
      deadlineMs: app.deps.config.intakeDeadlineMs,
      userId: reseller.id,
      lines: [line],
      onCreated: (charged) => app.metrics.countOrders(charged),
    });
    if (result.kind !== 'created') throw new V2Error(V2_ERROR.request);
    await enqueueForwarding(forwardQueue, result.accepted, log);
    return { order: result.reply.orderNumbers[0] };
  } catch (e) {
    throw e instanceof AppError ? asV2Error(e) : e;
  }
};

function sizeOf(
  svc: CatalogService,
  params: Record<string, string>,
): Omit<IntakeLine, 'categoryId' | 'serviceId' | 'link'> {
  if (isPackageService(svc.type)) {
    // A Custom Comments Package carries its lines; any package is one bundle.
    if (!takesComments(svc.type)) return { qty: 1 };
    const lines = commentLines(params.comments ?? '');
    if (lines.length === 0) throw new V2Error(V2_ERROR.comments);
    return { qty: 1, comments: lines.join('\n') };
  }
  let qty: number;
  let comments: string | undefined;
  if (takesComments(svc.type)) {
    // The intake checks the lines themselves (length, count) as for the customer API.
    const lines = commentLines(params.comments ?? '');
    if (lines.length === 0) throw new V2Error(V2_ERROR.comments);
    comments = lines.join('\n');
    qty = lines.length;
  } else {
    const q = positiveInt(params.quantity, 1_000_000_000);
    if (q === null) throw new V2Error(V2_ERROR.quantity);
    qty = q;
  }
  if (qty < svc.minOrder) throw new V2Error(`Quantity less than minimal ${svc.minOrder}`);
  if (qty > svc.maxOrder) throw new V2Error(`Quantity more than maximal ${svc.maxOrder}`);

  // Many clients send empty runs/interval with every add: only a value asks for drip-feed.
  const runsRaw = params.runs?.trim() || undefined;
  const intervalRaw = params.interval?.trim() || undefined;
  if (runsRaw === undefined && intervalRaw === undefined) return { qty, comments };
  if (!allowsDripFeed(svc.type, svc.dripfeed)) throw new V2Error(V2_ERROR.dripfeed);
  // The customer API's bounds (DRIP_FEED), in the words reseller clients know.
  const runs = positiveInt(runsRaw, DRIP_FEED.maxRuns);
  if (runs === null || runs < DRIP_FEED.minRuns) throw new V2Error(V2_ERROR.runs);
  const interval = positiveInt(intervalRaw, DRIP_FEED.maxInterval);
  if (interval === null) throw new V2Error(V2_ERROR.interval);
  return { qty, comments, runs, interval };
}

/** The intake's architecture.md#http-api errors in the words reseller clients know. */
function asV2Error(e: AppError): V2Error | AppError {
  switch (e.code) {
    case ERROR_CODE.insufficientFunds:
      return new V2Error(V2_ERROR.funds);
    case ERROR_CODE.serviceNotFound:
    case ERROR_CODE.serviceInactive:
    case ERROR_CODE.serviceNotInCategory:
      return new V2Error(V2_ERROR.service);
    case ERROR_CODE.quantityOutOfRange:
      return new V2Error(V2_ERROR.quantity);
    case ERROR_CODE.forbidden:
      return new V2Error(V2_ERROR.suspended);
    case ERROR_CODE.unauthorized:
      return new V2Error(V2_ERROR.apiKey);
    case ERROR_CODE.businessRule:
      return new V2Error(e.message.charAt(0).toUpperCase() + e.message.slice(1));
    default:
      return e;
  }
}
