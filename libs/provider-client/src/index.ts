export { addParamsFor, type OrderToSend, UnsupportedServiceTypeError } from './add-params.ts';
export { classifyTransportFailure, parseRetryAfter } from './classify.ts';
export {
  type AddOrder,
  type AddResult,
  type CallEvent,
  MAX_MULTI,
  type PerOrder,
  type ProviderAction,
  ProviderClient,
  type ProviderClientOptions,
  providerOrderIdSchema,
  type ServicesResult,
  type SkippedService,
} from './client.ts';
export { ProviderClients, type ProviderClientsOptions, type ProviderRow } from './client-cache.ts';
export {
  asProviderError,
  isProviderError,
  PROVIDER_ERROR_KINDS,
  ProviderError,
  type ProviderErrorKind,
} from './errors.ts';
export { NEXT_STEP, type NextStep, nextStep } from './next-step.ts';
export { redactSecret } from './redact.ts';
export {
  classifyRefusal,
  isAccountWide,
  REFUSAL_FAULTS,
  type Refusal,
  type RefusalFault,
} from './refusal-rules.ts';
export { type AcceptedAdd, readAddReply, refusalText, replyFailure } from './reply-reading.ts';
export { DEFAULT_TIMEOUTS, type Timeouts } from './transport.ts';
export * from './wire.ts';
