/**
 * Why an order write was refused, for the caller to turn into its own answer (the gateway: 404, 409,
 * 422 with the message as is). Nothing was written when one is thrown.
 */
export class OrderWriteRefused extends Error {
  readonly reason: 'not_found' | 'invalid_transition' | 'conflict' | 'business_rule';
  readonly details: unknown;

  constructor(reason: OrderWriteRefused['reason'], message: string, details?: unknown) {
    super(message);
    this.name = 'OrderWriteRefused';
    this.reason = reason;
    this.details = details ?? null;
  }
}

export const refused = {
  notFound: (what = 'order') => new OrderWriteRefused('not_found', `${what} not found`),
  transition: (from: string, to: string, why?: string) =>
    new OrderWriteRefused('invalid_transition', why ?? `order cannot move from ${from} to ${to}`, {
      from,
      to,
    }),
  conflict: (message: string, details?: unknown) => new OrderWriteRefused('conflict', message, details),
  rule: (message: string, details?: unknown) => new OrderWriteRefused('business_rule', message, details),
};
