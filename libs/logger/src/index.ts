export { jobLogger, LazyChildLogger } from './child-loggers.ts';
export { createLogger, type Logger, type LoggerOptions } from './create-logger.ts';
export { REDACT_CENSOR, REDACT_PATHS, redactUrl } from './redaction.ts';
