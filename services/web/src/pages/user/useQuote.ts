import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { OrderLine, Quote } from '../../api/types.ts';

/** How long typing must pause before the line is quoted. */
export const QUOTE_DEBOUNCE_MS = 250;

/**
 * The price never depends on the link, but the quote validates the line as create-orders does
 * (an http(s) URL): this one stands in for the link (`.invalid` is reserved, RFC 2606), so the total
 * neither waits for a link nor re-quotes while it is typed. The link itself is checked when the
 * order is placed.
 */
export const QUOTE_PLACEHOLDER_LINK = 'https://quote.invalid/';

export interface QuoteState {
  /** The server's quote for exactly this line; null while it is asked for, or when it was refused. */
  quote: Quote | null;
  /** Waiting for the quote of the current line (debounce or request). */
  pending: boolean;
  /** Why the server would not quote the current line (out of range, drip-feed incomplete…). */
  error: unknown;
}

interface Settled {
  key: string;
  quote: Quote | null;
  error: unknown;
}

/**
 * POST /api/user/orders/quote for the line being typed: debounced, the request for a line that has
 * since changed is aborted, and a reply is only ever shown for the line it priced. The total on the
 * page is this quote — the intake's own pricing — never arithmetic done here.
 */
export function useQuote(line: OrderLine | null, delayMs = QUOTE_DEBOUNCE_MS): QuoteState {
  const key = line ? JSON.stringify(line) : null;
  const [settled, setSettled] = useState<Settled | null>(null);

  useEffect(() => {
    if (key === null) return;
    const body = JSON.parse(key) as OrderLine;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<Quote>('POST', '/api/user/orders/quote', body, {}, controller.signal).then(
        (quote) => setSettled({ key, quote, error: null }),
        (error: unknown) => {
          if (!controller.signal.aborted) setSettled({ key, quote: null, error });
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, delayMs]);

  if (key === null) return { quote: null, pending: false, error: null };
  if (settled?.key !== key) return { quote: null, pending: true, error: null };
  return { quote: settled.quote, pending: false, error: settled.error };
}
