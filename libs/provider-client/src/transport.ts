import http from 'node:http';
import https from 'node:https';
import got, { type Response } from 'got';
import { classifyTransportFailure, parseRetryAfter } from './classify.ts';
import { ProviderError } from './errors.ts';
import { redactSecret } from './redact.ts';

export interface Timeouts {
  lookup: number;
  connect: number;
  secureConnect: number;
  /** Writing the request body. */
  send: number;
  /** From the end of sending to the first byte of the reply. */
  response: number;
  /** Whole request, reply included. */
  request: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  lookup: 2_000,
  connect: 3_000,
  secureConnect: 3_000,
  send: 5_000,
  response: 20_000,
  request: 30_000,
};

export interface TransportOptions {
  apiUrl: string;
  apiKey: string;
  timeouts?: Partial<Timeouts>;
  /** Replies larger than this are cut off and treated as unreadable. */
  maxReplyBytes?: number;
  userAgent?: string;
  agent?: { http?: http.Agent; https?: https.Agent };
}

export interface RawReply {
  status: number;
  /** The parsed JSON body, or undefined when the body is empty or not JSON (an HTML page). */
  body: unknown;
  /** The body as text, already scrubbed of our API key. */
  text: string;
  /** Retry-After, when the provider sent one. */
  retryAfterMs: number | undefined;
}

// Free sockets are closed before a typical provider's keep-alive timeout (5 s), so a request never
// goes out on a socket the server is closing — that race would look like an ambiguous reset.
const sharedAgents = {
  http: new http.Agent({ keepAlive: true, keepAliveMsecs: 1_000, maxSockets: 256, timeout: 4_000 }),
  https: new https.Agent({ keepAlive: true, keepAliveMsecs: 1_000, maxSockets: 256, timeout: 4_000 }),
};

/**
 * One form-encoded POST to the provider. got never retries (BullMQ owns retries). Every HTTP reply is
 * returned as it came — whatever its status — because what it means depends on the body first
 * (`reply-reading.ts`). Throws a ProviderError only when no reply could be read at all (the network,
 * a timeout, a reply too large).
 */
export async function postForm(
  opts: TransportOptions,
  action: string,
  params: Record<string, string | number>,
): Promise<RawReply> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const maxBytes = opts.maxReplyBytes ?? 2 * 1024 * 1024;
  const abort = new AbortController();
  let tooLarge = false;
  let response: Response<Uint8Array>;
  try {
    const req = got.post(opts.apiUrl, {
      form: { key: opts.apiKey, action, ...params },
      timeout: timeouts,
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: 'buffer',
      signal: abort.signal,
      agent: opts.agent ?? sharedAgents,
      headers: { 'user-agent': opts.userAgent ?? 'smm-panel/1.0', accept: 'application/json' },
    });
    req.on('downloadProgress', (p) => {
      if (p.transferred > maxBytes && !tooLarge) {
        tooLarge = true;
        abort.abort();
      }
    });
    response = await req;
  } catch (e) {
    if (tooLarge) {
      throw new ProviderError({
        kind: 'ambiguous',
        action,
        message: `reply larger than ${maxBytes} bytes`,
        code: 'TOO_LARGE',
      });
    }
    throw transportError(e, action);
  }

  const text = redactSecret(new TextDecoder().decode(response.body), opts.apiKey);
  return {
    status: response.statusCode,
    body: parseJson(text),
    text,
    retryAfterMs: parseRetryAfter(headerValue(response.headers['retry-after'])),
  };
}

function transportError(e: unknown, action: string): ProviderError {
  const err = e as { code?: string; name?: string; event?: string; timings?: { connect?: number } };
  const timeoutEvent = err.name === 'TimeoutError' ? err.event : undefined;
  const connected = err.timings?.connect !== undefined;
  const kind = classifyTransportFailure({ code: err.code, timeoutEvent, connected });
  const what = timeoutEvent ? `timeout (${timeoutEvent})` : (err.code ?? 'network error');
  // Deliberately no `cause`: got's error holds the request options, and with them the API key.
  return new ProviderError({
    kind,
    action,
    // "Unreachable" only when nothing reached the provider; otherwise the request went out and the
    // answer never came back — the provider may well have acted on it.
    message: kind === 'not_sent' ? `provider unreachable: ${what}` : `sent, no answer: ${what}`,
    code: timeoutEvent ?? err.code,
  });
}

function parseJson(text: string): unknown {
  const t = text.trim();
  if (!t || (t[0] !== '{' && t[0] !== '[')) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
