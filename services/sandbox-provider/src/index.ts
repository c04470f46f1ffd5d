export { buildSandbox, type Sandbox, type SandboxDeps } from './build-sandbox.ts';
export { DEFAULT_CATALOG, type ServiceDef, type ServiceDefInput, type ServiceType } from './catalog.ts';
export type { FaultEffect, FaultMatch, FaultRule, FaultRuleInput } from './faults/fault-rules.ts';
export { QUIRKS, type Quirk } from './faults/quirks.ts';
export {
  type SandboxOptions,
  type SandboxOptionsInput,
  sandboxOptionsSchema,
  toSettings,
} from './options.ts';
export { ORDER_STATUSES, type OrderStatus, type OutcomeRule, type OutcomeRuleInput } from './outcomes.ts';
export type { ProviderSettings, ProviderState } from './provider-state.ts';
export { type RunningSandbox, type StartSandboxOptions, startSandbox } from './start-sandbox.ts';
export type { AddCounter, StatsSnapshot } from './stats.ts';
