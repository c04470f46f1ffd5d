export { addParamsFor } from './add-params.ts';
export {
  classifyHttpStatus,
  classifyProviderMessage,
  classifyTransportFailure,
  parseRetryAfter,
} from './classify.ts';
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
} from './client.ts';
export { isProviderError, PROVIDER_ERROR_KINDS, ProviderError, type ProviderErrorKind } from './errors.ts';
export { redactSecret } from './redact.ts';
export { DEFAULT_TIMEOUTS, type Timeouts } from './transport.ts';
export * from './wire.ts';
