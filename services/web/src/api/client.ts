/**
 * The one way the pages talk to the gateway: same origin, the httpOnly `token` cookie that login sets
 * (credentials: 'same-origin'), JSON in and out, and the architecture.md#http-api error envelope turned into an ApiError.
 */
export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /**
   * `[{field, message}]` of a VALIDATION_ERROR, or the order-line problems (`details.lines`) of a
   * 422 that name a field (comments, runs, interval), else none.
   */
  get fields(): FieldIssue[] {
    const d = this.details;
    const lines = typeof d === 'object' && d !== null && 'lines' in d ? d.lines : undefined;
    const list: unknown = Array.isArray(d) ? d : lines;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (d): d is FieldIssue =>
        typeof d === 'object' && d !== null && typeof d.field === 'string' && typeof d.message === 'string',
    );
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Listeners told about a 401 anywhere (session expired): the session provider sends the user to /login. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(fn: () => void): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

export async function api<T>(
  method: Method,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      signal,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    // A request its caller gave up on (a stale quote) is not a network failure.
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'NETWORK', 'the panel could not be reached; check your connection and retry', null);
  }
  const json = (await res.json().catch((e: unknown) => {
    if (signal?.aborted) throw e;
    return null;
  })) as ({ success?: boolean; error?: { code?: string; message?: string; details?: unknown } } & T) | null;
  if (res.ok && json) return json;
  if (res.status === 401 && !path.startsWith('/api/auth/')) for (const fn of unauthorizedListeners) fn();
  const err = json?.error;
  throw new ApiError(
    res.status,
    err?.code ?? `HTTP_${res.status}`,
    err?.message ?? `the server answered ${res.status}`,
    err?.details ?? null,
  );
}

/** `?a=1&b=2` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
