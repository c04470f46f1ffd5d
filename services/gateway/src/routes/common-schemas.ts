import { CURRENCIES, PUBLIC_NUMBER_MAX } from '@smm/domain';
import { z } from 'zod';

export const errorSchema = z
  .object({
    success: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
  })
  .meta({ id: 'Error' });

/** The error replies a route documents; every one has the architecture.md#http-api envelope. */
export function errors<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema])) as Record<S[number], typeof errorSchema>;
}

export const moneySchema = z
  .string()
  .regex(/^-?\d+\.\d{6}$/)
  .describe('exact decimal, 6 places');
export const currencySchema = z.enum(CURRENCIES);
/** A public number (architecture.md#public-numbers): what customers quote, as #23501. */
export const publicNumberSchema = z.number().int().min(1).max(PUBLIC_NUMBER_MAX);
/** The same in a path or query string. */
export const publicNumberParam = z.coerce.number().int().min(1).max(PUBLIC_NUMBER_MAX);
export const roleSchema = z.enum(['user', 'admin']);

export const publicUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    currency: currencySchema,
    balance: moneySchema,
  })
  .meta({ id: 'User' });

export const timestampSchema = z.string().describe('ISO 8601, UTC, microseconds');

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);
/** A from/to bound in a query: ISO 8601 with an offset, between 1970 and 9999 in UTC (what Postgres holds). */
export const timeBoundSchema = z.iso.datetime({ offset: true }).refine((v) => {
  const t = Date.parse(v);
  return t >= EARLIEST && t < LATEST;
}, 'a date between 1970 and 9999');
