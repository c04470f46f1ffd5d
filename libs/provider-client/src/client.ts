import { z } from 'zod';
import { isProviderError, ProviderError, type ProviderErrorKind } from './errors.ts';
import { snippet } from './redact.ts';
import { type ReadOptions, readAddReply, refusalText, replyFailure } from './reply-reading.ts';
import { postForm, type RawReply, type TransportOptions } from './transport.ts';
import {
  balanceReply,
  idLike,
  type ProviderBalance,
  type ProviderOrderStatus,
  type ProviderService,
  serviceEntry,
  statusReply,
} from './wire.ts';

export const MAX_MULTI = 100;

export type ProviderAction =
  | 'services'
  | 'add'
  | 'status'
  | 'refill'
  | 'refill_status'
  | 'cancel'
  | 'balance';

export interface CallEvent {
  action: ProviderAction;
  outcome: 'ok' | ProviderErrorKind;
  durationMs: number;
  httpStatus?: number | undefined;
}

export interface ProviderClientOptions extends TransportOptions {
  /** Called after every call, for metrics (provider calls by action/outcome, latency). */
  onCall?: (event: CallEvent) => void;
}

export interface AddOrder {
  /** The provider's own service id. */
  service: string;
  link: string;
  quantity?: number | undefined;
  runs?: number | undefined;
  interval?: number | undefined;
  /** Custom comments, one per line. */
  comments?: string | undefined;
}

export interface AddResult {
  providerOrderId: string;
  reply: unknown;
  /** The provider sent the id in an unusual way (e.g. with HTTP 429): accepted, and worth a log line. */
  anomaly: string | null;
}

/** Per-order results are data: an `{"error"}` for one order in a multi reply is not a failed call. */
export type PerOrder<T> = { ok: true; value: T } | { ok: false; error: string };

export interface SkippedService {
  /** The provider's service number, when the entry had a readable one. */
  service: string | null;
  name: string | null;
  reason: string;
}

export interface ServicesResult {
  services: ProviderService[];
  /** How many entries could not be read (kept out of the import). */
  skipped: number;
  /** Each entry kept out, with why — shown to the admin after an import. */
  skippedEntries: SkippedService[];
}

/** The SMM v2 client: every action, tolerant parsing, one error classification. */
export class ProviderClient {
  readonly #opts: ProviderClientOptions;

  constructor(opts: ProviderClientOptions) {
    this.#opts = opts;
  }

  async services(): Promise<ServicesResult> {
    return this.#call('services', {}, ({ body }) => {
      const list = Array.isArray(body) ? body : isRecord(body) ? Object.values(body) : null;
      if (!list) throw unreadable('services', body);
      const services: ProviderService[] = [];
      const skippedEntries: SkippedService[] = [];
      for (const entry of list) {
        const r = serviceEntry.safeParse(entry);
        if (r.success) services.push(r.data);
        else skippedEntries.push(skippedService(entry, r.error));
      }
      return { services, skipped: skippedEntries.length, skippedEntries };
    });
  }

  /** Sends one order. Never retried here: on error the ProviderError's kind says what may happen next. */
  async add(order: AddOrder): Promise<AddResult> {
    const params: Record<string, string | number> = { service: order.service, link: order.link };
    if (order.quantity !== undefined) params.quantity = order.quantity;
    if (order.runs !== undefined) params.runs = order.runs;
    if (order.interval !== undefined) params.interval = order.interval;
    if (order.comments !== undefined) params.comments = order.comments;
    // The body decides, before the status: an order id with a 429 is still an accepted order.
    return this.#call(
      'add',
      params,
      (reply) => {
        const read = readAddReply(reply);
        if (read instanceof ProviderError) throw read;
        return { providerOrderId: read.providerOrderId, reply: reply.body, anomaly: read.anomaly };
      },
      { bodyFirst: true },
    );
  }

  async status(providerOrderId: string): Promise<PerOrder<ProviderOrderStatus>> {
    return this.#call('status', { order: providerOrderId }, ({ body }) => parseStatusEntry(body), {
      errorsAreData: true,
    });
  }

  /** One call for up to 100 orders; the reply may be keyed by id or a list, entries may be errors. */
  async multiStatus(providerOrderIds: string[]): Promise<Map<string, PerOrder<ProviderOrderStatus>>> {
    assertBatch(providerOrderIds);
    return this.#call('status', { orders: providerOrderIds.join(',') }, ({ body }) => {
      const byId = new Map<string, PerOrder<ProviderOrderStatus>>();
      if (Array.isArray(body)) {
        for (const entry of body) {
          const id = isRecord(entry) ? idLike.safeParse(entry.order ?? entry.id) : null;
          if (id?.success) byId.set(id.data, parseStatusEntry(entry));
        }
      } else if (isRecord(body) && refusalText(body) === null) {
        for (const [k, v] of Object.entries(body)) byId.set(k.trim(), parseStatusEntry(v));
      } else {
        throw unreadable('status', body);
      }
      const out = new Map<string, PerOrder<ProviderOrderStatus>>();
      for (const id of providerOrderIds) {
        out.set(id, byId.get(id) ?? { ok: false, error: 'missing from the provider reply' });
      }
      return out;
    });
  }

  async refill(providerOrderId: string): Promise<PerOrder<string>> {
    return this.#call('refill', { order: providerOrderId }, ({ body }) => parseIdEntry(body, 'refill'), {
      errorsAreData: true,
    });
  }

  async multiRefill(providerOrderIds: string[]): Promise<Map<string, PerOrder<string>>> {
    assertBatch(providerOrderIds);
    return this.#call('refill', { orders: providerOrderIds.join(',') }, ({ body }) =>
      listById(providerOrderIds, body, 'order', (e) => parseIdEntry(e, 'refill'), 'refill'),
    );
  }

  async refillStatus(refillId: string): Promise<PerOrder<string>> {
    return this.#call('refill_status', { refill: refillId }, ({ body }) => parseStatusWord(body), {
      errorsAreData: true,
    });
  }

  async multiRefillStatus(refillIds: string[]): Promise<Map<string, PerOrder<string>>> {
    assertBatch(refillIds);
    return this.#call('refill_status', { refills: refillIds.join(',') }, ({ body }) =>
      listById(refillIds, body, 'refill', parseStatusWord, 'refill_status'),
    );
  }

  async cancel(providerOrderIds: string[]): Promise<Map<string, PerOrder<true>>> {
    assertBatch(providerOrderIds);
    return this.#call('cancel', { orders: providerOrderIds.join(',') }, ({ body }) =>
      listById(
        providerOrderIds,
        body,
        'order',
        (e) => {
          const c = isRecord(e) ? e.cancel : undefined;
          const err = refusalText(c) ?? (isRecord(e) ? refusalText(e) : null);
          if (err !== null) return { ok: false, error: err };
          return c === undefined || c === 0 || c === false
            ? { ok: false, error: 'not canceled' }
            : { ok: true, value: true };
        },
        'cancel',
      ),
    );
  }

  async balance(): Promise<ProviderBalance> {
    return this.#call('balance', {}, ({ body }) => {
      const r = balanceReply.safeParse(body);
      if (!r.success) throw unreadable('balance', body);
      return r.data;
    });
  }

  async #call<T>(
    action: ProviderAction,
    params: Record<string, string | number>,
    read: (reply: RawReply) => T,
    opts: ReadOptions & { bodyFirst?: boolean } = {},
  ): Promise<T> {
    const started = performance.now();
    let httpStatus: number | undefined;
    try {
      const reply = await postForm(this.#opts, action, params);
      httpStatus = reply.status;
      if (!opts.bodyFirst) {
        const failure = replyFailure(action, reply, opts);
        if (failure) throw failure;
      }
      const value = read(reply);
      this.#opts.onCall?.({ action, outcome: 'ok', durationMs: performance.now() - started, httpStatus });
      return value;
    } catch (e) {
      const pe = isProviderError(e)
        ? e
        : new ProviderError({ kind: 'ambiguous', action, message: `could not read the ${action} reply` });
      this.#opts.onCall?.({
        action,
        outcome: pe.kind,
        durationMs: performance.now() - started,
        httpStatus: pe.httpStatus ?? httpStatus,
      });
      throw pe;
    }
  }
}

function skippedService(entry: unknown, error: z.ZodError): SkippedService {
  const e = isRecord(entry) ? entry : {};
  const id = idLike.safeParse(e.service);
  const field = error.issues[0]?.path.join('.') || 'entry';
  return {
    service: id.success ? id.data : null,
    name: typeof e.name === 'string' ? e.name.slice(0, 200) : null,
    reason: `${field}: ${error.issues[0]?.message ?? 'unreadable'}`,
  };
}

function parseStatusEntry(entry: unknown): PerOrder<ProviderOrderStatus> {
  if (typeof entry === 'string') return { ok: false, error: entry };
  const err = refusalText(entry);
  if (err !== null) return { ok: false, error: err };
  const r = statusReply.safeParse(entry);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: 'unreadable status entry' };
}

function parseIdEntry(entry: unknown, field: string): PerOrder<string> {
  const v = isRecord(entry) ? entry[field] : undefined;
  const err = refusalText(v) ?? refusalText(entry);
  if (err !== null) return { ok: false, error: err };
  const r = idLike.safeParse(v);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: `no ${field} id in the reply` };
}

function parseStatusWord(entry: unknown): PerOrder<string> {
  const v = isRecord(entry) ? entry.status : undefined;
  const err = refusalText(v) ?? refusalText(entry);
  if (err !== null) return { ok: false, error: err };
  return typeof v === 'string' || typeof v === 'number'
    ? { ok: true, value: String(v).trim() }
    : { ok: false, error: 'no status in the reply' };
}

function listById<T>(
  ids: string[],
  body: unknown,
  idField: string,
  parse: (entry: unknown) => PerOrder<T>,
  action: ProviderAction,
): Map<string, PerOrder<T>> {
  const byId = new Map<string, PerOrder<T>>();
  if (Array.isArray(body)) {
    for (const entry of body) {
      const id = isRecord(entry) ? idLike.safeParse(entry[idField]) : null;
      if (id?.success) byId.set(id.data, parse(entry));
    }
  } else if (isRecord(body) && refusalText(body) === null) {
    // Some panels key multi replies by id like multi-status; a bare string value is that id's error.
    for (const [k, v] of Object.entries(body))
      byId.set(
        k.trim(),
        typeof v === 'string' ? { ok: false, error: v } : parse(isRecord(v) ? v : { [idField]: k, value: v }),
      );
  } else {
    throw unreadable(action, body);
  }
  const out = new Map<string, PerOrder<T>>();
  for (const id of ids) out.set(id, byId.get(id) ?? { ok: false, error: 'missing from the provider reply' });
  return out;
}

function assertBatch(ids: string[]): void {
  if (ids.length === 0 || ids.length > MAX_MULTI) throw new RangeError(`batch must hold 1..${MAX_MULTI} ids`);
  for (const id of ids) if (!idLike.safeParse(id).success) throw new RangeError(`not a provider id: ${id}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unreadable(action: string, body: unknown): ProviderError {
  return new ProviderError({
    kind: 'ambiguous',
    action,
    message: `provider ${action} reply did not have the expected shape`,
    replySnippet: snippet(safeStringify(body)),
  });
}

function safeStringify(v: unknown): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
}

export const providerOrderIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
