import { z } from 'zod';
import { isId } from './ids.ts';
import { DRIP_FEED, MAX_LINK_LENGTH, MAX_MASS_ORDER_LINES } from './order-limits.ts';
import { ORDER_STATUSES } from './order-status.ts';

export function idSchema(kind: Parameters<typeof isId>[1]) {
  return z.string().refine((v) => isId(v, kind), { message: `must be a ${kind} id` });
}

export const linkSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_LINK_LENGTH, `link must be at most ${MAX_LINK_LENGTH} characters`)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'link must be an http(s) URL');

export const quantitySchema = z
  .number({ message: 'quantity must be a number' })
  .int('quantity must be a whole number')
  .positive('quantity must be positive')
  .max(1_000_000_000, 'quantity is too large');

const runsSchema = z
  .number({ message: 'runs must be a number' })
  .int('runs must be a whole number')
  .min(DRIP_FEED.minRuns, `runs must be between ${DRIP_FEED.minRuns} and ${DRIP_FEED.maxRuns}`)
  .max(DRIP_FEED.maxRuns, `runs must be between ${DRIP_FEED.minRuns} and ${DRIP_FEED.maxRuns}`);

const intervalSchema = z
  .number({ message: 'interval must be a number of minutes' })
  .int('interval must be a whole number of minutes')
  .min(DRIP_FEED.minInterval, `interval must be between 1 and ${DRIP_FEED.maxInterval} minutes`)
  .max(DRIP_FEED.maxInterval, `interval must be between 1 and ${DRIP_FEED.maxInterval} minutes`);

/**
 * One order line. The extras are per service type, checked by the gateway's intake against the
 * service: `comments` (Custom Comments: one per line, `qty` = the number of lines) and `runs` +
 * `interval` (drip-feed services: `qty` per run, charged for qty × runs). The body size limit bounds
 * the comments text.
 */
export const orderLineSchema = z.strictObject({
  categoryId: idSchema('category'),
  serviceId: idSchema('service'),
  link: linkSchema,
  qty: quantitySchema,
  comments: z.string({ message: 'comments must be text, one comment per line' }).optional(),
  runs: runsSchema.optional(),
  interval: intervalSchema.optional(),
});
export type OrderLineInput = z.infer<typeof orderLineSchema>;

export const createOrdersBodySchema = z.union([
  orderLineSchema,
  z.strictObject({
    orders: z
      .array(orderLineSchema)
      .min(1, 'orders must not be empty')
      .max(MAX_MASS_ORDER_LINES, `at most ${MAX_MASS_ORDER_LINES} lines per mass order`),
  }),
]);

export const orderStatusSchema = z.enum(ORDER_STATUSES as [string, ...string[]]);
