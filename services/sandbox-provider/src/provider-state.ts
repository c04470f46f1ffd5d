import type { ServiceDef } from './catalog.ts';
import { FaultEngine } from './faults/fault-engine.ts';
import { OrderBook } from './orders/order-book.ts';
import type { PlanSettings } from './orders/plan-order.ts';
import { RefillBook } from './orders/refill-book.ts';
import type { OutcomeRule } from './outcomes.ts';
import { SandboxStats } from './stats.ts';

export interface ProviderSettings {
  apiKeys: readonly string[];
  currency: string;
  catalog: readonly ServiceDef[];
  plan: PlanSettings;
  /** Refuse an add while the same service+link still has a running order (a rule many panels apply). */
  rejectActiveLink: boolean;
  refillDurationMs: number;
  firstOrderId: number;
  initialBalance: string;
  outcomes: readonly OutcomeRule[];
}

/** Everything the fake panel remembers; HTTP handlers and the in-process API both work on it. */
export class ProviderState {
  readonly settings: ProviderSettings;
  readonly services: ReadonlyMap<number, ServiceDef>;
  readonly book: OrderBook;
  readonly refills = new RefillBook();
  readonly stats = new SandboxStats();
  readonly faults: FaultEngine;
  readonly clock: () => number;
  outcomes: readonly OutcomeRule[];

  constructor(settings: ProviderSettings, clock: () => number) {
    this.settings = settings;
    this.clock = clock;
    this.services = new Map(settings.catalog.map((s) => [s.service, s]));
    this.book = new OrderBook(settings.firstOrderId, settings.initialBalance);
    this.faults = new FaultEngine(settings.plan.seed);
    this.outcomes = settings.outcomes;
  }

  /** Back to the state at start: no orders, refills, counters or faults; the initial balance and outcomes. */
  reset(): void {
    this.book.reset(this.settings.firstOrderId, this.settings.initialBalance);
    this.refills.reset();
    this.stats.reset();
    this.faults.reset();
    this.outcomes = this.settings.outcomes;
  }
}
