import { ApiError } from '../api/client.ts';

/** What is wrong with a form, each problem once: on its field, or for the whole form. */
export interface Problems<F extends string> {
  fields: Partial<Record<F, string>>;
  form: string | null;
}

export function noProblems<F extends string>(): Problems<F> {
  return { fields: {}, form: null };
}

export function hasProblems(p: Problems<string>): boolean {
  return p.form !== null || Object.keys(p.fields).length > 0;
}

/** The problems without the one on `field` (it was edited). */
export function withoutField<F extends string>(p: Problems<F>, field: F): Problems<F> {
  if (!p.fields[field]) return p;
  const fields = { ...p.fields };
  delete fields[field];
  return { ...p, fields };
}

/** The seconds a refusal asks to wait (`details.retryAfterMs` of a 429), if it says. */
export function retryAfterSeconds(e: ApiError): number | null {
  const d = e.details;
  const ms =
    typeof d === 'object' && d !== null && 'retryAfterMs' in d && typeof d.retryAfterMs === 'number'
      ? d.retryAfterMs
      : null;
  return ms === null ? null : Math.max(1, Math.ceil(ms / 1000));
}

/**
 * A refusal in plain words: each field the server named (`body.email` → `email`) gets the form's own
 * text for it (`plain`, else the server's message), the rest goes to the whole form.
 */
export function problemsFrom<F extends string>(
  e: unknown,
  fields: readonly F[],
  plain: Partial<Record<F, string>>,
): Problems<F> {
  if (!(e instanceof ApiError)) return { fields: {}, form: e instanceof Error ? e.message : String(e) };
  const out: Problems<F>['fields'] = {};
  const other: string[] = [];
  for (const f of e.fields) {
    const name = f.field.replace(/^body\./, '');
    if (!(fields as readonly string[]).includes(name)) other.push(`${f.field}: ${f.message}`);
    else if (!out[name as F]) out[name as F] = plain[name as F] ?? f.message;
  }
  const form = other.length > 0 || Object.keys(out).length === 0 ? [e.message, ...other].join(' — ') : null;
  return { fields: out, form };
}

export const COMMON_TEXT = {
  network: 'The panel could not be reached: check your connection and try again.',
  busy: 'This is unavailable for a moment: try again shortly.',
  rateLimited: (s: number | null) =>
    s
      ? `Too many attempts: try again in ${s} s.`
      : 'Too many attempts in a short time: wait a minute and try again.',
};
