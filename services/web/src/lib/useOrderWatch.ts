import { useEffect, useRef, useState } from 'react';
import { api, query } from '../api/client.ts';
import type { UserOrder } from '../api/types.ts';

/** How the page hears about changes: a stream, polling (no EventSource, or the stream was refused), or not at all. */
export type WatchMode = 'stream' | 'poll' | 'off';

const POLL_MS = 5000;

/**
 * Keeps `ids` (the shown orders that can still change) up to date: the gateway's event stream
 * (GET /api/user/orders/events), or, when the browser has no EventSource or the gateway refuses the
 * stream, its JSON twin every few seconds. Nothing runs while no shown order is live.
 */
export function useOrderWatch(ids: string[], onOrder: (order: UserOrder) => void): WatchMode {
  const [mode, setMode] = useState<WatchMode>('off');
  const onOrderRef = useRef(onOrder);
  onOrderRef.current = onOrder;
  const key = [...ids].sort().join(',');

  useEffect(() => {
    if (key === '') {
      setMode('off');
      return;
    }
    const path = query({ ids: key });
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let source: EventSource | null = null;

    const poll = async () => {
      try {
        const r = await api<{ orders: UserOrder[] }>('GET', `/api/user/orders/live${path}`);
        if (!stopped) for (const o of r.orders) onOrderRef.current(o);
      } catch {
        // The next round tries again; the page keeps what it shows.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    const startPolling = () => {
      setMode('poll');
      timer = setTimeout(poll, 0);
    };

    if (typeof EventSource === 'function') {
      source = new EventSource(`/api/user/orders/events${path}`);
      setMode('stream');
      source.addEventListener('order', (e) => onOrderRef.current(JSON.parse((e as MessageEvent).data)));
      source.onerror = () => {
        // CLOSED: the gateway answered something other than a stream (429, 401); a dropped stream
        // reconnects by itself (readyState CONNECTING) and needs nothing from us.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source = null;
          startPolling();
        }
      };
    } else startPolling();

    return () => {
      stopped = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
  }, [key]);

  return mode;
}
