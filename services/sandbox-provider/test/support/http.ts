import type { RunningSandbox } from '../../src/index.ts';

export interface HttpReply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

type Target = Pick<RunningSandbox, 'apiUrl' | 'apiKey'>;
type Params = Record<string, string | number>;

interface CallOptions {
  /** Override the key; null sends none. */
  key?: string | null;
  /** Send JSON instead of a form. */
  asJson?: boolean;
  signal?: AbortSignal;
}

/** One SMM v2 call the way a panel makes it: form-encoded POST with key and action. */
export async function callApi(sb: Target, params: Params, opts: CallOptions = {}): Promise<HttpReply> {
  const key = opts.key === undefined ? sb.apiKey : opts.key;
  const fields: Params = key === null ? { ...params } : { key, ...params };
  const init: RequestInit = opts.asJson
    ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) }
    : {
        method: 'POST',
        body: new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])),
      };
  if (opts.signal) init.signal = opts.signal;
  return read(await fetch(sb.apiUrl, init));
}

export async function adminCall(
  sb: Pick<RunningSandbox, 'url'>,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpReply> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...headers, 'content-type': 'application/json' };
  }
  return read(await fetch(`${sb.url}/__admin${path}`, init));
}

export async function read(res: Response): Promise<HttpReply> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The error code under a failed fetch (ECONNREFUSED, UND_ERR_SOCKET, …). */
export async function fetchFailure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; name?: string } }).cause;
    return cause?.code ?? cause?.name ?? (err as Error).name;
  }
  throw new Error('expected the request to fail');
}

/** A clock the test moves by hand, so lifecycle checks need no sleeping. */
export function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}
