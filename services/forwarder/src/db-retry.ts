import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Retries a Postgres write that records what already happened at the provider. Re-running the write
 * is safe (every statement is guarded by the order's status); giving up would leave the order in
 * `submitting` for the repair job, which is safe too but needs an admin.
 */
export async function retryWrite<T>(
  write: () => Promise<T>,
  delaysMs: readonly number[] = [100, 500, 2_000],
): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await write();
    } catch (err) {
      const delay = delaysMs[i];
      if (delay === undefined) throw err;
      await sleep(delay);
    }
  }
}
