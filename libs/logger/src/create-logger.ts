import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino';
import { REDACT_CENSOR, REDACT_PATHS, redactUrl } from './redaction.ts';

export type Logger = PinoLogger;

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Human-readable output for a terminal (pino-pretty); JSON otherwise. */
  pretty?: boolean;
  /** Where lines go; tests pass a capturing stream. Defaults to stdout. */
  destination?: DestinationStream;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
}

function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    version: req.headers?.['accept-version'],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

export function createLogger(opts: LoggerOptions): Logger {
  const base = {
    level: opts.level ?? 'info',
    base: { service: opts.service },
    redact: { paths: REDACT_PATHS, censor: REDACT_CENSOR },
    // fastify's own request serializer, with secrets taken out of the query string; fastify lets a
    // logger instance's serializers win over its defaults.
    serializers: { req: serializeRequest },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (opts.destination) return pino(base, opts.destination);
  if (opts.pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
      },
    });
  }
  return pino(base);
}
