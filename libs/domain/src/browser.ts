/**
 * `@smm/domain/browser`: the rules a web page shares with the server — service kinds, order-line
 * units and comment lines, exact money and pricing, order statuses, public numbers. Only modules that reach no Node
 * built-in and no Node-only package (test/browser-entry.test.ts walks the import graph to prove it):
 * ids.ts (node:crypto) and dto.ts (which imports it) stay server-side.
 */
export * from './deposits.ts';
export * from './money.ts';
export * from './order-limits.ts';
export * from './order-status.ts';
export * from './pricing.ts';
export * from './public-number.ts';
export * from './service-types.ts';
