/** architecture.md#jobs: completed jobs kept 24 h / 1,000, failed ones 7 days (long enough to investigate). */
export const RETENTION = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
