/**
 * An open-loop load: `perSecond` requests a second on a fixed schedule, whatever the server's
 * latency (a closed loop would slow down with the server and hide a regression). Latencies are
 * gathered per window; `window()` hands back the current one's figures and starts the next.
 */
export interface WindowStats {
  requests: number;
  ok: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
}

export interface SteadyLoad {
  /** The figures since the last call (or the start), and a fresh window. */
  window(): WindowStats;
  totals(): { ok: number; failed: number; lastError: string | null };
  /** Stops sending and waits (at most `drainMs`) for the requests in flight. */
  stop(drainMs?: number): Promise<void>;
}

/** The p-quantile (0 < p ≤ 1) of `values`, nearest rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function startSteadyLoad(opts: {
  perSecond: number;
  /** Sends request number `n`; resolves true for a success. */
  send: (n: number) => Promise<boolean>;
  /** Beyond this many in flight a due request is counted as failed instead of piling up. */
  maxInFlight?: number;
}): SteadyLoad {
  const maxInFlight = opts.maxInFlight ?? 200;
  const started = performance.now();
  let sent = 0;
  let inFlight = 0;
  let latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let windowOk = 0;
  let windowFailed = 0;
  let lastError: string | null = null;
  const fail = (reason: string) => {
    failed++;
    windowFailed++;
    lastError = reason;
  };
  const fire = (n: number) => {
    if (inFlight >= maxInFlight) return fail(`more than ${maxInFlight} requests in flight`);
    inFlight++;
    const t = performance.now();
    opts.send(n).then(
      (success) => {
        inFlight--;
        latencies.push(performance.now() - t);
        if (success) {
          ok++;
          windowOk++;
        } else fail(`request ${n} was not a success`);
      },
      (err: Error) => {
        inFlight--;
        fail(err.message);
      },
    );
  };
  // Every tick sends whatever the schedule says is due by now, so timer jitter never changes the rate.
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * opts.perSecond);
    while (sent < due) fire(sent++);
  }, 10);

  return {
    window() {
      const stats = {
        requests: windowOk + windowFailed,
        ok: windowOk,
        failed: windowFailed,
        p50Ms: percentile(latencies, 0.5),
        p99Ms: percentile(latencies, 0.99),
      };
      latencies = [];
      windowOk = 0;
      windowFailed = 0;
      return stats;
    },
    totals: () => ({ ok, failed, lastError }),
    async stop(drainMs = 10_000) {
      clearInterval(timer);
      const deadline = performance.now() + drainMs;
      while (inFlight > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
