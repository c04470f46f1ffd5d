import { createHash } from 'node:crypto';
import { ACTIVITY, type ChargedOrderLine, ChargeTooLateError, chargeAndCreateOrders } from '@smm/db';
import {
  addMoney,
  allowsDripFeed,
  type Currency,
  commentLines,
  DRIP_FEED,
  deliveredUnits,
  MAX_COMMENT_LENGTH,
  newId,
  type OrderLineInput,
  priceOrder,
  quantityRange,
  serviceKind,
  takesComments,
  unsupportedTypeReason,
} from '@smm/domain';
import type postgres from 'postgres';
import { AppError, ERROR_CODE, forbidden, unauthorized } from '../errors.ts';
import type { CatalogService, IntakeCache } from './intake-cache.ts';

/** What the customer gets back, and what an idempotent replay returns verbatim. */
export interface CreateOrdersReply {
  success: true;
  ordersCreated: number;
  totalCost: string;
  currency: Currency;
  orderIds: string[];
  /** The orders' public numbers, in the same order: what customers quote and the v2 API speaks. */
  orderNumbers: number[];
}

export interface AcceptedOrder {
  orderId: string;
  providerId: string | null;
  /** auto-mode services are forwarded by the forwarder; manual ones wait for an admin. */
  forward: boolean;
}

export type IntakeResult =
  | { kind: 'created'; reply: CreateOrdersReply; accepted: AcceptedOrder[] }
  | { kind: 'replayed'; reply: CreateOrdersReply };

/**
 * One order line. `qty` is what the provider is sent as `quantity` — per run for drip-feed
 * (`runs`/`interval`), so the order delivers and is charged for `qty × runs`; for Custom Comments it
 * is the number of `comments` lines. The customer API and the reseller `add` both land here, so the
 * rules below are the only ones.
 */
export interface IntakeLine extends OrderLineInput {
  runs?: number | undefined;
  interval?: number | undefined;
  comments?: string | undefined;
}

interface LineProblem {
  line: number;
  code: (typeof ERROR_CODE)[keyof typeof ERROR_CODE];
  message: string;
  /** The body field at fault, for extras rules. */
  field?: string;
  min?: number;
  max?: number;
}

function checkLine(i: number, line: IntakeLine, svc: CatalogService | undefined): LineProblem | null {
  if (!svc) return { line: i, code: ERROR_CODE.serviceNotFound, message: 'no such service' };
  if (svc.categoryId !== line.categoryId) {
    return { line: i, code: ERROR_CODE.serviceNotInCategory, message: 'the service is not in that category' };
  }
  // A type the panel cannot send is never sold, even if an admin turned the service on by hand.
  if (
    svc.status !== 'active' ||
    svc.categoryStatus !== 'active' ||
    unsupportedTypeReason(svc.type) !== null
  ) {
    return { line: i, code: ERROR_CODE.serviceInactive, message: 'the service is not available' };
  }
  // Package services sell one fixed bundle per order: qty must say 1 rather than be silently ignored.
  const [min, max] = quantityRange(svc.type, svc.minOrder, svc.maxOrder);
  if (line.qty < min || line.qty > max) {
    return {
      line: i,
      code: ERROR_CODE.quantityOutOfRange,
      message: `quantity must be between ${min} and ${max}`,
      min,
      max,
    };
  }
  return checkDripFeed(i, line, svc) ?? checkComments(i, line, svc);
}

const inRange = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/**
 * Drip-feed only where the service offers it. Never for Package or Custom Comments: the forwarder
 * sends those without runs (one bundle, one list), so charging × runs would bill undelivered work.
 */
function checkDripFeed(i: number, line: IntakeLine, svc: CatalogService): LineProblem | null {
  if (line.runs === undefined && line.interval === undefined) return null;
  const rule = (field: string, message: string): LineProblem => ({
    line: i,
    code: ERROR_CODE.businessRule,
    message,
    field,
  });
  if (!allowsDripFeed(svc.type, svc.dripfeed)) {
    return rule('runs', 'drip-feed is not available for this service');
  }
  if (line.runs === undefined) return rule('runs', 'drip-feed needs both runs and interval');
  if (line.interval === undefined) return rule('interval', 'drip-feed needs both runs and interval');
  if (!inRange(line.runs, DRIP_FEED.minRuns, DRIP_FEED.maxRuns)) {
    return rule('runs', `runs must be between ${DRIP_FEED.minRuns} and ${DRIP_FEED.maxRuns}`);
  }
  if (!inRange(line.interval, DRIP_FEED.minInterval, DRIP_FEED.maxInterval)) {
    return rule('interval', `interval must be between 1 and ${DRIP_FEED.maxInterval} minutes`);
  }
  if (!Number.isSafeInteger(deliveredUnits(line))) return rule('runs', 'quantity × runs is too large');
  return null;
}

/**
 * Comments only (and always) for Custom Comments and Custom Comments Packages; for Custom Comments qty
 * must say how many lines were sent (a package is one bundle whatever its lines).
 */
function checkComments(i: number, line: IntakeLine, svc: CatalogService): LineProblem | null {
  const rule = (message: string): LineProblem => ({
    line: i,
    code: ERROR_CODE.businessRule,
    message,
    field: 'comments',
  });
  if (!takesComments(svc.type)) {
    return line.comments === undefined ? null : rule('this service takes no comments');
  }
  const lines = commentLines(line.comments ?? '');
  if (lines.length === 0) return rule('this service needs comments, one per line');
  const long = lines.findIndex((l) => l.length > MAX_COMMENT_LENGTH);
  if (long >= 0) return rule(`comment ${long + 1} is longer than ${MAX_COMMENT_LENGTH} characters`);
  // The quantity is the line count; a differing qty means the client counted other lines than we do.
  if (serviceKind(svc.type) === 'custom_comments' && line.qty !== lines.length) {
    return rule(`quantity must equal the number of comments (${lines.length} non-empty lines)`);
  }
  return null;
}

/** Canonical form of the order lines: the same order sent twice hashes the same. */
export function requestHash(lines: IntakeLine[]): string {
  const canonical = JSON.stringify(
    lines.map((l) => {
      const base = [l.categoryId, l.serviceId, l.link, l.qty];
      // Extras only when present, so the hashes of plain lines (stored keys) stay what they were.
      return l.runs === undefined && l.interval === undefined && l.comments === undefined
        ? base
        : [...base, l.runs ?? null, l.interval ?? null, l.comments ?? null];
    }),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

class InsufficientFunds extends Error {}

function insufficientFunds(total: string, currency: Currency): AppError {
  return new AppError(402, ERROR_CODE.insufficientFunds, 'not enough funds on balance', {
    required: total,
    currency,
  });
}

export interface IntakeInput {
  userId: string;
  lines: IntakeLine[];
  idempotencyKey?: string | undefined;
  /** An admin placing a manual order for the user: recorded as the actor of ledger and activity rows. */
  admin?: { actorId: string; adminNotes: string | null } | undefined;
  /** Called once the charge committed (metrics: orders created per service). */
  onCreated?: ((lines: ChargedOrderLine[]) => void) | undefined;
  /**
   * Answer within this long (then 503, and the charge can never happen later): a database outage
   * must not hold requests, and a request that gave up must not commit when the database returns.
   */
  deadlineMs?: number | undefined;
}

/** After the deadline the debit refuses to run; this much later the caller gets its 503. */
const DEADLINE_GRACE_MS = 500;

function tooLate(): AppError {
  return new AppError(
    503,
    ERROR_CODE.dependencyUnavailable,
    'the database did not answer in time; nothing was charged — retry shortly',
  );
}

/**
 * architecture.md#customer-api, #money order intake, bounded in time: see `intake`. With `deadlineMs`, the debit carries the
 * deadline (it writes nothing after it) and the caller is answered 503 shortly after it at the latest.
 */
export async function createOrders(
  sql: postgres.Sql,
  cache: IntakeCache,
  input: IntakeInput,
): Promise<IntakeResult> {
  if (!input.deadlineMs) return intake(sql, cache, input, undefined);
  const deadline = Date.now() + input.deadlineMs;
  const notAfter = new Date(deadline).toISOString();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooLate()), input.deadlineMs! + DEADLINE_GRACE_MS);
  });
  const work = intake(sql, cache, input, notAfter);
  // The work goes on if the timer wins; its debit then finds the deadline passed and writes nothing.
  work.catch(() => {});
  try {
    return await Promise.race([work, expired]);
  } catch (e) {
    if (e instanceof ChargeTooLateError) throw tooLate();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Every line checked against the catalog and priced with exact decimals, in the user's currency —
 * the one computation both an order and a quote use. Throws the 4xx a bad line deserves.
 */
async function priceLines(
  sql: postgres.Sql,
  cache: IntakeCache,
  input: Pick<IntakeInput, 'userId' | 'lines' | 'admin'>,
  retried: boolean,
) {
  const ids = [...new Set(input.lines.map((l) => l.serviceId))];
  const [found, byId] = await Promise.all([cache.user(sql, input.userId, retried), cache.services(sql, ids)]);
  if (!found) throw unauthorized('account no longer exists');
  if (found.status !== 'active') throw forbidden('account is suspended');

  const problems: LineProblem[] = [];
  input.lines.forEach((line, i) => {
    const p = checkLine(i, line, byId.get(line.serviceId));
    if (p) problems.push(p);
  });
  const first = problems[0];
  if (first) {
    const single = input.lines.length === 1;
    throw new AppError(422, first.code, single ? first.message : `line ${first.line}: ${first.message}`, {
      lines: problems,
    });
  }

  const user = { currency: found.currency, dollarRate: found.dollarRate };
  const charged: ChargedOrderLine[] = [];
  const accepted: AcceptedOrder[] = [];
  for (const line of input.lines) {
    const svc = byId.get(line.serviceId)!;
    const price = priceOrder(svc, deliveredUnits(line), user);
    const orderId = newId('order');
    charged.push({
      orderId,
      serviceId: svc.id,
      categoryId: svc.categoryId,
      providerId: svc.providerId,
      link: line.link,
      quantity: line.qty,
      serviceType: svc.type,
      units: deliveredUnits(line),
      runs: line.runs ?? null,
      interval: line.interval ?? null,
      comments: line.comments === undefined ? null : commentLines(line.comments).join('\n'),
      price: price.price,
      bdtPrice: price.bdtPrice,
      usdPrice: price.usdPrice,
    });
    // Manual orders are the admin's to fulfil (or to forward explicitly): never auto-forwarded.
    accepted.push({ orderId, providerId: svc.providerId, forward: svc.mode === 'auto' && !input.admin });
  }
  return { found, charged, accepted };
}

export interface Quote {
  success: true;
  totalCost: string;
  currency: Currency;
  lines: Array<{ serviceId: string; units: number; price: string }>;
}

/** What these lines would cost now, priced exactly as the order will be; nothing is written. */
export async function quoteOrders(
  sql: postgres.Sql,
  cache: IntakeCache,
  input: Pick<IntakeInput, 'userId' | 'lines'>,
): Promise<Quote> {
  const { found, charged } = await priceLines(sql, cache, input, false);
  return {
    success: true,
    totalCost: addMoney(...charged.map((c) => c.price)),
    currency: found.currency,
    lines: charged.map((c) => ({ serviceId: c.serviceId, units: c.units ?? c.quantity, price: c.price })),
  };
}

/**
 * architecture.md#customer-api, #money order intake: check every line against the catalog, price each with exact decimals, then
 * debit the total and write orders, ledger and activity rows in one statement (all or nothing).
 * With an Idempotency-Key the key row is written in the same transaction as the charge, so a
 * retried request either replays the committed answer or finds no trace of a failed attempt.
 */
async function intake(
  sql: postgres.Sql,
  cache: IntakeCache,
  input: IntakeInput,
  notAfter: string | undefined,
  retried = false,
): Promise<IntakeResult> {
  const { found, charged, accepted } = await priceLines(sql, cache, input, retried);
  const total = addMoney(...charged.map((c) => c.price));
  const reply: CreateOrdersReply = {
    success: true,
    ordersCreated: charged.length,
    totalCost: total,
    currency: found.currency,
    orderIds: charged.map((c) => c.orderId),
    orderNumbers: [] as number[],
  };
  /** The numbers are the database's: known once the charge has written the rows. */
  const numbered = (numbers: Record<string, number>) => {
    reply.orderNumbers = charged.map((c) => numbers[c.orderId]!);
  };
  const charge = {
    userId: input.userId,
    currency: found.currency,
    // Priced from a cached copy of the user: the debit refuses if the rate moved since (→ `refused`).
    dollarRate: found.dollarRate,
    total,
    lines: charged,
    actorId: input.admin?.actorId ?? input.userId,
    idempotencyKey: input.idempotencyKey ?? null,
    ...(notAfter ? { notAfter } : {}),
    ...(input.admin
      ? {
          isManual: true,
          adminNotes: input.admin.adminNotes,
          activityAction: ACTIVITY.orderCreatedManual,
          activityMessage: `manual order placed by admin ${input.admin.actorId}`,
        }
      : { activityMessage: charged.length > 1 ? `mass order of ${charged.length} lines` : undefined }),
  };
  const created = (): IntakeResult => {
    input.onCreated?.(charged);
    return { kind: 'created', reply, accepted };
  };

  /**
   * The debit refused: either the money is short, or the cached pricing facts went stale (the
   * account was suspended, its currency or dollarRate changed). Re-read them; price again once if
   * they changed, so a stale cache can never decide the outcome.
   */
  const refused = async (): Promise<IntakeResult> => {
    const fresh = await cache.user(sql, input.userId, true);
    if (
      !retried &&
      fresh &&
      (fresh.status !== found.status ||
        fresh.currency !== found.currency ||
        fresh.dollarRate !== found.dollarRate)
    ) {
      return intake(sql, cache, input, notAfter, true);
    }
    if (fresh && fresh.status !== 'active') throw forbidden('account is suspended');
    throw insufficientFunds(total, found.currency);
  };

  const key = input.idempotencyKey;
  if (key === undefined) {
    const res = await chargeAndCreateOrders(sql, charge);
    if (!res) return refused();
    numbered(res.numbers);
    return created();
  }

  const hash = requestHash(input.lines);
  try {
    const result = await sql.begin(async (tx) => {
      // A concurrent request with the same key waits here on the key's unique index until the first
      // commits (then it replays) or rolls back (then it proceeds as the first).
      const inserted = await tx`
        insert into idempotency_keys (user_id, key, request_hash, response_status, response_body)
        values (${input.userId}, ${key}, ${hash}, 201, ${JSON.stringify(reply)}::jsonb)
        on conflict (user_id, key) do nothing
        returning 1`;
      if (inserted.length === 0) {
        const [prev] = await tx<{ requestHash: string; responseBody: CreateOrdersReply }[]>`
          select request_hash as "requestHash", response_body as "responseBody"
          from idempotency_keys where user_id = ${input.userId} and key = ${key}`;
        if (!prev || prev.requestHash !== hash) {
          throw new AppError(
            422,
            ERROR_CODE.idempotencyMismatch,
            'this Idempotency-Key was already used with a different request',
          );
        }
        const body = prev.responseBody;
        if (!body.orderNumbers) {
          // Stored before orders had numbers: the same reply, with the numbers the rows now carry.
          const rows = await tx<{ id: string; number: number }[]>`
            select id, number::int as number from orders where id = any(${body.orderIds})`;
          const byId = new Map(rows.map((r) => [r.id, r.number]));
          body.orderNumbers = body.orderIds.map((id) => byId.get(id)!);
        }
        return { kind: 'replayed', reply: body } as const;
      }
      const res = await chargeAndCreateOrders(tx, charge);
      if (!res) throw new InsufficientFunds();
      numbered(res.numbers);
      // The key row was written first (it is the lock); its stored reply now carries the numbers.
      await tx`
        update idempotency_keys set response_body = ${JSON.stringify(reply)}::jsonb
        where user_id = ${input.userId} and key = ${key}`;
      return { kind: 'created', reply, accepted } as const;
    });
    if (result.kind === 'created') input.onCreated?.(charged);
    return result;
  } catch (e) {
    // Rolled back with the key row: the client may top up and retry with the same key.
    if (e instanceof InsufficientFunds) return refused();
    throw e;
  }
}
