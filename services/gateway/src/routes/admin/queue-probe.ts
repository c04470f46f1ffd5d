/** How long an admin read waits for Redis before it answers without the queue's figures. */
const QUEUE_PROBE_MS = 1_000;

/**
 * The promise's value, or `fallback` when it fails or takes longer than QUEUE_PROBE_MS: the admin
 * pages still show the database's figures while Redis is slow or down.
 */
export async function withinProbe<T>(p: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((resolve) => {
        timer = setTimeout(() => resolve(fallback), QUEUE_PROBE_MS);
      }),
    ]);
  } catch {
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}
