export * from './dto.ts';
export * from './ids.ts';
export * from './money.ts';
export * from './order-status.ts';
export * from './pricing.ts';
export * from './refunds.ts';
export * from './state-machine.ts';
export * from './status-mapping.ts';
