import { z } from 'zod';
import { isId } from './ids.ts';
import { ORDER_STATUSES } from './order-status.ts';

export const MAX_LINK_LENGTH = 2048;
export const MAX_MASS_ORDER_LINES = 100;

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

export const orderLineSchema = z.strictObject({
  categoryId: idSchema('category'),
  serviceId: idSchema('service'),
  link: linkSchema,
  qty: quantitySchema,
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
