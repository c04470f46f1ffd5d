import type { CustomerOrderRow } from '../repositories/order-reads.ts';

/** What a watch sends: the order as its customer sees it (the list's row shape). */
export type WatchedOrder = CustomerOrderRow;

export interface OrderWatchOptions {
  /** The watched orders' current state, with whose they are. */
  load(ids: string[]): Promise<(CustomerOrderRow & { userId: string })[]>;
  /** How often the watched orders are read: one query per tick for every open stream together. */
  intervalMs: number;
  /** Open streams one user may hold (tabs, devices); past it a new watch is refused. */
  maxPerUser: number;
  onError(err: unknown): void;
}

interface Watch {
  userId: string;
  ids: Set<string>;
  /** Per order: the fingerprint last sent; absent until the first tick sends the current state. */
  sent: Map<string, string>;
  stream: WatchStream;
}

export interface WatchStream {
  send(order: WatchedOrder): void;
  /** The hub is closing: finish the response. */
  end(): void;
}

/**
 * Live order updates for the customer pages without touching the order write paths: the writers
 * (intake, forwarder, status-sync, admins) stay as they are, and while anyone watches, the gateway
 * reads the watched rows by primary key once per tick and pushes what changed. NOTIFY from a trigger
 * was the other way; it takes a database-wide lock at every notifying commit, which would serialize
 * the forward and sync hot paths (docs/architecture.md#live-order-updates).
 */
export class OrderWatchHub {
  readonly #watches = new Set<Watch>();
  #timer: NodeJS.Timeout | null = null;
  #ticking = false;
  readonly #opts: OrderWatchOptions;

  constructor(opts: OrderWatchOptions) {
    this.#opts = opts;
  }

  get size(): number {
    return this.#watches.size;
  }

  /** Starts watching; null when the user already holds `maxPerUser` streams. Call the result to stop. */
  watch(userId: string, ids: string[], stream: WatchStream): (() => void) | null {
    let mine = 0;
    for (const w of this.#watches) if (w.userId === userId) mine++;
    if (mine >= this.#opts.maxPerUser) return null;
    const w: Watch = { userId, ids: new Set(ids), sent: new Map(), stream };
    this.#watches.add(w);
    if (!this.#timer) {
      this.#timer = setInterval(() => void this.tick(), this.#opts.intervalMs);
      this.#timer.unref();
    }
    queueMicrotask(() => void this.tick());
    return () => this.#drop(w);
  }

  #drop(w: Watch): void {
    this.#watches.delete(w);
    if (this.#watches.size === 0 && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
  }

  /** One read for every stream; a slow read is never overlapped by the next tick. */
  async tick(): Promise<void> {
    if (this.#ticking || this.#watches.size === 0) return;
    this.#ticking = true;
    try {
      const ids = new Set<string>();
      for (const w of this.#watches) for (const id of w.ids) ids.add(id);
      const rows = await this.#opts.load([...ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const w of this.#watches) {
        for (const id of w.ids) {
          const row = byId.get(id);
          // Another customer's order, or none: indistinguishable, and never sent.
          if (!row || row.userId !== w.userId) continue;
          const print = fingerprint(row);
          if (w.sent.get(id) === print) continue;
          w.sent.set(id, print);
          const { userId: _owner, ...order } = row;
          w.stream.send(order);
        }
      }
    } catch (err) {
      this.#opts.onError(err);
    } finally {
      this.#ticking = false;
    }
  }

  /** Ends every stream (the gateway is closing, and open streams would hold its close). */
  close(): void {
    for (const w of [...this.#watches]) {
      this.#drop(w);
      w.stream.end();
    }
  }
}

/** What a customer can see change on an order's row. */
function fingerprint(o: CustomerOrderRow): string {
  return [o.status, o.remains, o.startCount, o.cancelStatus, o.completedAt, o.updatedAt].join('|');
}
