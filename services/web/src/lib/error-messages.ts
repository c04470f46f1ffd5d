import { MAX_COMMENT_LENGTH } from '@smm/domain/browser';
import { ApiError } from '../api/client.ts';

// The one catalog of what the pages say when the API refuses something: plain words, never an error
// code or a validator's text ("Too small: expected string to have >=1 characters", `body.link`).
// A page names the fields its form shows; each problem is said once, on its field when it has one.

/** What is wrong, each problem once: per form field (by the API's field name), and for the whole form. */
export interface Problems {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_PROBLEMS: Problems = { fields: {}, form: null };

/** Per error code, what the person is told (a page may say it its own way: `overrides`). */
export const CODE_TEXT: Record<string, string> = {
  INVALID_CREDENTIALS: 'Wrong email or password.',
  UNAUTHORIZED: 'You are signed out: sign in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'It is not there any more: reload the page.',
  INSUFFICIENT_FUNDS: 'Your balance does not cover this order: add funds first.',
  SERVICE_NOT_FOUND: 'This service is no longer offered: choose another one.',
  SERVICE_INACTIVE: 'This service is not available right now: choose another one.',
  SERVICE_NOT_IN_CATEGORY: 'This service is not in the chosen category: choose the service again.',
  QUANTITY_OUT_OF_RANGE: 'The quantity is outside what this service takes.',
  IDEMPOTENCY_KEY_REUSED: 'This order was already sent with other details: reload the page and try again.',
  EMAIL_TAKEN: 'An account with this email already exists.',
  REGISTRATION_CLOSED: 'New accounts cannot be opened here right now.',
  RATE_LIMITED: 'Too many tries in a short time: wait a minute and try again.',
  NETWORK: 'The panel could not be reached: check your connection and try again.',
  DEPENDENCY_UNAVAILABLE: 'The panel is busy right now: try again in a moment.',
  INTERNAL_ERROR: 'Something went wrong on our side: try again in a moment.',
  MALFORMED_JSON: 'Something went wrong sending this: reload the page and try again.',
  PAYLOAD_TOO_LARGE: 'This is too long to send.',
  VALIDATION_ERROR: 'Some of what was written cannot be used: check the form.',
};

/** Per field, what a person should write there (the API's own wording is for programs). */
export const FIELD_TEXT: Record<string, string> = {
  email: 'Write your email address, like name@example.com.',
  password: 'Write your password.',
  categoryId: 'Choose a category.',
  serviceId: 'Choose a service.',
  userId: 'Choose a user.',
  link: 'Write the full link, starting with https://.',
  qty: 'Write the quantity as a whole number.',
  quantity: 'Write the quantity as a whole number.',
  comments: `Write the comments, one per line, up to ${MAX_COMMENT_LENGTH} characters each.`,
  runs: 'Write the number of runs as a whole number.',
  interval: 'Write the minutes between runs as a whole number.',
  adminNotes: 'The notes are too long.',
  name: 'Write a name.',
  rate: 'Write the rate as a number, like 80 or 0.45 (up to 6 decimals), or leave it empty.',
  rateUSD: 'Write the rate as a number, like 0.9 (up to 6 decimals), or leave it empty.',
  minOrder: 'Write the minimum as a whole number, no more than the maximum.',
  maxOrder: 'Write the maximum as a whole number, at least the minimum.',
  mode: 'An auto service needs a provider and its service id; without them it is manual.',
  sortOrder: 'Write the place in the list as a whole number.',
  description: 'The description is too long.',
};

/** Codes whose message the server writes for people (a rule of the order, "the user's account is suspended"). */
const PLAIN_MESSAGE_CODES = new Set(['BUSINESS_RULE', 'CONFLICT', 'INVALID_TRANSITION', 'PROVIDER_ERROR']);

/** "drip-feed needs both runs and interval" → "Drip-feed needs both runs and interval." */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const s = t[0]!.toUpperCase() + t.slice(1);
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
    ? `The quantity must be between ${min.toLocaleString()} and ${max.toLocaleString()}.`
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
        if (has(name)) put(name, plain ?? 'Check this field.');
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
      if (at) put(Number(at[1]), FIELD_TEXT[fieldName(issue.field)] ?? 'Check this line.');
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
