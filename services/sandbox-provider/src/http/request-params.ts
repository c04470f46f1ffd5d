import type { Params } from '../actions/action-context.ts';

/**
 * Flattens query string and body (form or JSON) into string parameters, the body winning.
 * Clients send numbers and lists in JSON and repeat form fields; each collapses to one string.
 */
export function requestParams(body: unknown, query: unknown): Params {
  const out: Record<string, string> = {};
  copyInto(out, query);
  copyInto(out, body);
  return out;
}

function copyInto(out: Record<string, string>, source: unknown): void {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return;
  for (const [k, raw] of Object.entries(source)) {
    // A JSON list of ids or comments means what the comma/newline-separated string means.
    const v = Array.isArray(raw) ? raw.map(String).join(k === 'comments' ? '\n' : ',') : raw;
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') out[k] = String(v);
  }
}
