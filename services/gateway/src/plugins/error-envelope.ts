import { OrderWriteRefused } from '@smm/db';
import { QueueUnavailableError } from '@smm/queue';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODE, type ErrorCode } from '../errors.ts';

export interface ErrorBody {
  success: false;
  error: { code: ErrorCode; message: string; details: unknown };
}

export function errorBody(code: ErrorCode, message: string, details: unknown = null): ErrorBody {
  return { success: false, error: { code, message, details } };
}

interface ValidationItem {
  instancePath: string;
  message?: string;
  keyword: string;
  params?: Record<string, unknown>;
}

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * A body that matches no branch of a union (the single-line or mass order shape) would otherwise
 * report "Invalid input"; the branch that rejects the fewest of the keys the client actually sent is
 * the one the client meant, so its issues are the useful ones.
 */
function unionBranch(branches: Array<Array<Record<string, unknown>>>): Array<Record<string, unknown>> {
  let best = branches[0] ?? [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    const rejected = branch
      .filter((i) => i.code === 'unrecognized_keys' && Array.isArray(i.path) && i.path.length === 0)
      .reduce((n, i) => n + ((i.keys as unknown[] | undefined)?.length ?? 0), 0);
    if (rejected < bestScore) {
      best = branch;
      bestScore = rejected;
    }
  }
  return best;
}

function flattenIssues(prefix: string, issues: Array<Record<string, unknown>>): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = Array.isArray(issue.path) ? issue.path.map(String) : [];
    const field = [prefix, ...path].filter(Boolean).join('.');
    if (issue.code === 'invalid_union' && Array.isArray(issue.errors)) {
      out.push(...flattenIssues(field, unionBranch(issue.errors as Array<Array<Record<string, unknown>>>)));
    } else if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
      for (const k of issue.keys)
        out.push({ field: [field, String(k)].filter(Boolean).join('.'), message: 'unknown field' });
    } else {
      out.push({ field: field || prefix, message: String(issue.message ?? 'invalid') });
    }
  }
  return out;
}

/** Turns the zod type provider's validation items into `[{field, message}]` naming the request part. */
export function validationDetails(part: string, items: ValidationItem[]): FieldIssue[] {
  const issues = items.map((v) => ({
    ...(v.params ?? {}),
    code: v.keyword,
    message: v.message,
    path: v.instancePath.split('/').filter(Boolean),
  }));
  return flattenIssues(part, issues);
}

const PG_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** The error and the causes it wraps: Drizzle wraps the driver's error (DrizzleQueryError) a level or two down. */
function* causes(err: unknown): Generator<{ code?: unknown }> {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    yield e;
    e = e.cause as typeof e;
  }
}

/** Postgres (or Redis) is down or refusing: the client should retry later, nothing was changed. */
export function isDependencyDown(err: unknown): boolean {
  for (const e of causes(err)) {
    if (e instanceof QueueUnavailableError) return true;
    if (typeof e.code === 'string' && (PG_DOWN_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  }
  return false;
}

/**
 * Postgres refused a value the request carried (the statement failed, so nothing was written): text
 * it cannot store (a NUL), a date or number outside its range. A schema should have caught it; this
 * is the backstop that keeps it a 400 and not a 500.
 */
const PG_BAD_VALUE: Record<string, string> = {
  '22021': 'text contains a character that cannot be stored (such as NUL)',
  '22P05': 'text contains a character that cannot be stored (such as NUL)',
  '22003': 'a number is outside the range that can be stored',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is outside the range that can be stored',
};
function badValue(err: unknown): string | null {
  for (const e of causes(err)) {
    if (typeof e.code === 'string' && PG_BAD_VALUE[e.code]) return PG_BAD_VALUE[e.code]!;
  }
  return null;
}

function fromFastifyError(err: FastifyError): { status: number; body: ErrorBody } | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: errorBody(ERROR_CODE.malformedJson, 'request body is not valid JSON') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: errorBody(ERROR_CODE.payloadTooLarge, 'request body is too large') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: errorBody(ERROR_CODE.unsupportedMediaType, 'send the body as application/json'),
      };
    default:
      return null;
  }
}

/** The orders module's refusals (nothing was written) as the architecture.md#http-api codes clients branch on. */
const REFUSAL: Record<OrderWriteRefused['reason'], [number, ErrorCode]> = {
  not_found: [404, ERROR_CODE.notFound],
  invalid_transition: [409, ERROR_CODE.invalidTransition],
  conflict: [409, ERROR_CODE.conflict],
  business_rule: [422, ERROR_CODE.businessRule],
};

/** architecture.md#http-api: every error leaves as `{success: false, error: {code, message, details}}`. */
export function registerErrorEnvelope(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err.statusCode >= 500) request.log.error({ err }, err.message);
      return reply.code(err.statusCode).send(errorBody(err.code, err.message, err.details));
    }
    if (err instanceof OrderWriteRefused) {
      const [status, code] = REFUSAL[err.reason];
      return reply.code(status).send(errorBody(code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = err.validationContext ?? 'body';
      return reply
        .code(400)
        .send(
          errorBody(
            ERROR_CODE.validation,
            `invalid ${part}`,
            validationDetails(part, err.validation as ValidationItem[]),
          ),
        );
    }
    const known = fromFastifyError(err);
    if (known) return reply.code(known.status).send(known.body);
    if (err.statusCode === 429) {
      return reply.code(429).send(errorBody(ERROR_CODE.rateLimited, err.message || 'too many requests'));
    }
    if (isDependencyDown(err)) {
      request.log.warn({ err }, 'dependency unavailable');
      return reply
        .code(503)
        .header('retry-after', '5')
        .send(errorBody(ERROR_CODE.dependencyUnavailable, 'a dependency is unavailable, retry shortly'));
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(errorBody(ERROR_CODE.validation, err.message));
    }
    const bad = badValue(err);
    if (bad) {
      request.log.warn({ err }, 'a value the database refused');
      return reply.code(400).send(errorBody(ERROR_CODE.validation, bad));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody(ERROR_CODE.internal, 'internal error'));
  });

  app.setNotFoundHandler(async (request, reply) => {
    // A page path (web-pages.ts): a browser gets the pages' own "Page not found", `/admin/` a redirect.
    if (app.pageNotFound && (await app.pageNotFound(request, reply))) return reply;
    return reply
      .code(404)
      .send(errorBody(ERROR_CODE.notFound, `no route ${request.method} ${request.url.split('?')[0]}`));
  });
}
