import { MAX_COMMENT_LENGTH } from '@smm/domain/browser';
import { ApiError } from '../api/client.ts';
import { type MessageKey, t } from './i18n.ts';

// What the pages say when the API refuses something: plain words, never an error code or a
// validator's text ("Too small: expected string to have >=1 characters", `body.link`), in the chosen
// language (the words are in messages/errors.ts, read when a problem is said). A page names the
// fields its form shows; each problem is said once, on its field when it has one. The few messages
// the server writes for people itself (BUSINESS_RULE, CONFLICT… below) come in its words: English.

/** What is wrong, each problem once: per form field (by the API's field name), and for the whole form. */
export interface Problems {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_PROBLEMS: Problems = { fields: {}, form: null };

/** Per error code, the catalog message the person is told (a page may say it its own way: `overrides`). */
const CODE_KEYS = {
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  UNAUTHORIZED: 'error.UNAUTHORIZED',
  FORBIDDEN: 'error.FORBIDDEN',
  NOT_FOUND: 'error.NOT_FOUND',
  INSUFFICIENT_FUNDS: 'error.INSUFFICIENT_FUNDS',
  SERVICE_NOT_FOUND: 'error.SERVICE_NOT_FOUND',
  SERVICE_INACTIVE: 'error.SERVICE_INACTIVE',
  SERVICE_NOT_IN_CATEGORY: 'error.SERVICE_NOT_IN_CATEGORY',
  QUANTITY_OUT_OF_RANGE: 'error.QUANTITY_OUT_OF_RANGE',
  IDEMPOTENCY_KEY_REUSED: 'error.IDEMPOTENCY_KEY_REUSED',
  EMAIL_TAKEN: 'error.EMAIL_TAKEN',
  REGISTRATION_CLOSED: 'error.REGISTRATION_CLOSED',
  RATE_LIMITED: 'error.RATE_LIMITED',
  NETWORK: 'error.NETWORK',
  DEPENDENCY_UNAVAILABLE: 'error.DEPENDENCY_UNAVAILABLE',
  INTERNAL_ERROR: 'error.INTERNAL_ERROR',
  MALFORMED_JSON: 'error.MALFORMED_JSON',
  PAYLOAD_TOO_LARGE: 'error.PAYLOAD_TOO_LARGE',
  VALIDATION_ERROR: 'error.VALIDATION_ERROR',
} as const satisfies Record<string, MessageKey>;

/** Per field, the catalog message saying what a person should write there (the API's own wording is for programs). */
const FIELD_KEYS = {
  email: 'field.email',
  password: 'field.password',
  categoryId: 'field.categoryId',
  serviceId: 'field.serviceId',
  userId: 'field.userId',
  link: 'field.link',
  qty: 'field.qty',
  quantity: 'field.qty',
  comments: 'field.comments',
  runs: 'field.runs',
  interval: 'field.interval',
  adminNotes: 'field.adminNotes',
  name: 'field.name',
  rate: 'field.rate',
  rateUSD: 'field.rateUSD',
  minOrder: 'field.minOrder',
  maxOrder: 'field.maxOrder',
  mode: 'field.mode',
  sortOrder: 'field.sortOrder',
  description: 'field.description',
} as const satisfies Record<string, MessageKey>;

/**
 * A table whose every value is read from the catalog when it is read (the language may change while
 * the page runs): `CODE_TEXT.NETWORK` says it in the language chosen now.
 */
function liveTable(keys: Record<string, MessageKey>): Readonly<Record<string, string>> {
  const table: Record<string, string> = {};
  for (const [name, key] of Object.entries(keys)) {
    Object.defineProperty(table, name, {
      enumerable: true,
      get: () => t(key, { max: MAX_COMMENT_LENGTH }),
    });
  }
  return table;
}

/** Per error code, what the person is told, in the current language. */
export const CODE_TEXT: Readonly<Record<string, string>> = liveTable(CODE_KEYS);

/** Per field, what a person should write there, in the current language. */
export const FIELD_TEXT: Readonly<Record<string, string>> = liveTable(FIELD_KEYS);

/** Codes whose message the server writes for people (a rule of the order, "the user's account is suspended"). */
const PLAIN_MESSAGE_CODES = new Set(['BUSINESS_RULE', 'CONFLICT', 'INVALID_TRANSITION', 'PROVIDER_ERROR']);

/** "drip-feed needs both runs and interval" → "Drip-feed needs both runs and interval." */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const s = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** `body.link`, `body.orders.0.qty`, `querystring.limit` → `link`, `qty`, `limit`. */
function fieldName(path: string): string {
  return (
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .at(-1) ?? path
  );
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** The order-line problems of a 422 from the intake (`details.lines`). */
function lineProblems(details: unknown): Array<Record<string, unknown>> {
  const lines = record(details).lines;
  return Array.isArray(lines) ? lines.map(record) : [];
}

function quantityText(line: Record<string, unknown> | undefined): string {
  const { min, max } = line ?? {};
  return typeof min === 'number' && typeof max === 'number'
    ? t('error.quantityRange', { min: min.toLocaleString(), max: max.toLocaleString() })
    : CODE_TEXT.QUANTITY_OUT_OF_RANGE!;
}

/** The plain words for an error as a whole (a list, an action): no field to put it on. */
export function errorText(error: unknown, overrides: Record<string, string> = {}): string {
  return problemsOf(error, [], overrides).form ?? CODE_TEXT.INTERNAL_ERROR!;
}

/**
 * An error as a form shows it: the problems with a field the form has (`fields`, the API's names:
 * `link`, `qty`, `serviceId`…) on that field, in plain words; everything else once, for the form.
 */
export function problemsOf(
  error: unknown,
  fields: readonly string[],
  overrides: Record<string, string> = {},
): Problems {
  if (!error) return NO_PROBLEMS;
  if (!(error instanceof ApiError)) {
    return { fields: {}, form: error instanceof Error ? sentence(error.message) : String(error) };
  }
  const text = { ...CODE_TEXT, ...overrides };
  const has = (f: string) => fields.includes(f);
  const out: Record<string, string> = {};
  const put = (field: string, message: string) => {
    if (!out[field]) out[field] = message;
  };
  const qtyField = has('qty') ? 'qty' : has('quantity') ? 'quantity' : null;

  switch (error.code) {
    case 'VALIDATION_ERROR': {
      const other: string[] = [];
      for (const issue of error.fields) {
        const name = fieldName(issue.field);
        const plain = FIELD_TEXT[name];
        if (has(name)) put(name, plain ?? t('field.check'));
        else if (plain && !other.includes(plain)) other.push(plain);
      }
      if (Object.keys(out).length > 0 && other.length === 0) return { fields: out, form: null };
      return { fields: out, form: other.length > 0 ? other.join(' ') : text.VALIDATION_ERROR! };
    }
    case 'QUANTITY_OUT_OF_RANGE': {
      const message = quantityText(lineProblems(error.details)[0]);
      return qtyField ? { fields: { [qtyField]: message }, form: null } : { fields: {}, form: message };
    }
    case 'SERVICE_NOT_FOUND':
    case 'SERVICE_INACTIVE':
    case 'SERVICE_NOT_IN_CATEGORY': {
      const message = text[error.code]!;
      return has('serviceId')
        ? { fields: { serviceId: message }, form: null }
        : { fields: {}, form: message };
    }
  }

  // A rule of the order line (drip-feed, comments) names its field: said there, in the server's words.
  for (const line of lineProblems(error.details)) {
    const field = typeof line.field === 'string' ? line.field : null;
    const message = typeof line.message === 'string' ? sentence(line.message) : null;
    if (field && message && has(field)) put(field, message);
  }
  if (Object.keys(out).length > 0) return { fields: out, form: null };

  const known = overrides[error.code] ?? text[error.code];
  if (known) return { fields: {}, form: known };
  if (PLAIN_MESSAGE_CODES.has(error.code) && error.message)
    return { fields: {}, form: sentence(error.message) };
  if (error.status >= 500) return { fields: {}, form: text.INTERNAL_ERROR! };
  return { fields: {}, form: error.message ? sentence(error.message) : text.INTERNAL_ERROR! };
}

/** What is wrong with a mass order: per line (its index among the lines sent), and for the whole. */
export interface LineProblems {
  lines: Map<number, string>;
  form: string | null;
}

/**
 * A refusal of a mass order (`{orders: [...]}`) as the mass-order page shows it: each problem on
 * its line — a field the validator named (`body.orders.2.link`) or a line the intake refused
 * (`details.lines[].line`) — in the same plain words as the single-order form; the rest once.
 */
export function massOrderProblems(error: unknown): LineProblems {
  const lines = new Map<number, string>();
  const put = (i: number, message: string) => {
    if (!lines.has(i)) lines.set(i, message);
  };
  if (error instanceof ApiError && error.code === 'VALIDATION_ERROR') {
    for (const issue of error.fields) {
      const at = /^body\.orders\.(\d+)\./.exec(issue.field);
      if (at) put(Number(at[1]), FIELD_TEXT[fieldName(issue.field)] ?? t('field.checkLine'));
    }
  } else if (error instanceof ApiError) {
    for (const line of lineProblems(error.details)) {
      if (typeof line.line !== 'number') continue;
      const code = typeof line.code === 'string' ? line.code : '';
      const message =
        code === 'QUANTITY_OUT_OF_RANGE'
          ? quantityText(line)
          : (CODE_TEXT[code] ?? (typeof line.message === 'string' ? sentence(line.message) : null));
      if (message) put(line.line, message);
    }
  }
  if (lines.size > 0) return { lines, form: null };
  return { lines, form: problemsOf(error, []).form };
}
