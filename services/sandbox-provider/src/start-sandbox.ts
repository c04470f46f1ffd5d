import { dec, roundMoney } from '@smm/domain';
import type { Logger } from '@smm/logger';
import { buildSandbox } from './build-sandbox.ts';
import { type FaultRule, type FaultRuleInput, parseFaultRules } from './faults/fault-rules.ts';
import { formatMoney } from './money-format.ts';
import { type SandboxOptionsInput, sandboxOptionsSchema, toSettings } from './options.ts';
import type { Order, OrderView } from './orders/order.ts';
import { orderAt } from './orders/order-progress.ts';
import { type OutcomeRule, type OutcomeRuleInput, parseOutcomeRules } from './outcomes.ts';
import type { ProviderState } from './provider-state.ts';
import type { StatsSnapshot } from './stats.ts';

export interface StartSandboxOptions extends SandboxOptionsInput {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  clock?: () => number;
  logger?: Logger;
}

export interface RunningSandbox {
  /** `http://host:port` */
  url: string;
  /** `http://host:port/api/v2`, what a panel stores as the provider's API URL. */
  apiUrl: string;
  /** The first configured key. */
  apiKey: string;
  port: number;
  state: ProviderState;
  stats(filter?: { link?: string; service?: string }): StatsSnapshot;
  /** `add` calls for a link (one service, or all): total received and accepted (order created). */
  addCalls(link: string, service?: number): { total: number; accepted: number };
  setFaults(rules: FaultRuleInput | FaultRuleInput[]): FaultRule[];
  addFaults(rules: FaultRuleInput | FaultRuleInput[]): FaultRule[];
  clearFaults(): void;
  setOutcomes(rules: OutcomeRuleInput | OutcomeRuleInput[]): OutcomeRule[];
  balance(): string;
  setBalance(balance: string): void;
  /** An order as of now; `charge` is what it costs so far (delivered share once Partial). */
  order(id: number): (Pick<Order, 'id' | 'service' | 'link' | 'quantity'> & OrderView) | undefined;
  reset(): void;
  stopListening(): Promise<void>;
  startListening(): Promise<void>;
  /** Refuses connections for `ms`, then recovers on the same port; resolves once refusing. */
  outage(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a sandbox provider in this process, for tests and benchmarks. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { port = 0, host = '127.0.0.1', clock, logger, ...rest } = options;
  const parsed = sandboxOptionsSchema.parse(rest);
  const sandbox = buildSandbox({
    settings: toSettings(parsed),
    faults: parsed.faults,
    adminToken: parsed.adminToken,
    ...(clock ? { clock } : {}),
    ...(logger ? { logger } : {}),
  });
  const { state, listener } = sandbox;
  await listener.listen(port, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${listener.port}`;

  return {
    url,
    apiUrl: `${url}/api/v2`,
    apiKey: state.settings.apiKeys[0]!,
    port: listener.port,
    state,
    stats: (filter) => state.stats.snapshot(state.book.orders.size, filter),
    addCalls: (link, service) => state.stats.addCalls(link, service),
    setFaults(rules) {
      state.faults.set(parseFaultRules(rules));
      return state.faults.list();
    },
    addFaults(rules) {
      state.faults.add(parseFaultRules(rules));
      return state.faults.list();
    },
    clearFaults: () => state.faults.clear(),
    setOutcomes(rules) {
      state.outcomes = parseOutcomeRules(rules);
      return [...state.outcomes];
    },
    balance: () => formatMoney(state.book.balance(state.clock())),
    setBalance: (balance) => state.book.setBalance(roundMoney(dec(balance))),
    order(id) {
      const order = state.book.get(id);
      if (!order) return undefined;
      const { service, link, quantity } = order;
      return { id, service, link, quantity, ...orderAt(order, state.clock()) };
    },
    reset: () => state.reset(),
    stopListening: () => listener.stopListening(),
    startListening: () => listener.startListening(),
    outage: (ms) => listener.outage(ms),
    close: () => listener.close(),
  };
}
