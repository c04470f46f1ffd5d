// The orders module: every write of an order, a refill or a cancel request, and every activity row,
// lives under this folder — each guarded by the state machine (`sourcesOf`). Nothing else writes
// `orders`, `refills` or `activity_log`.
export * from './activity.ts';
export * from './admin.ts';
export * from './cancel.ts';
export * from './errors.ts';
export * from './forward-claims.ts';
export * from './forward-outcomes.ts';
export * from './intake.ts';
export * from './repair.ts';
export * from './requests.ts';
export * from './sync-writes.ts';
export * from './transition.ts';
