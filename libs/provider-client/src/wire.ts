import { Decimal, normalizeServiceType, parseRemains } from '@smm/domain';
import { z } from 'zod';

// Tolerant wire schemas: providers send numbers as strings and strings as numbers, mix cases, and
// add fields. Everything is validated and normalised here, once, so callers see one shape.

const ID_RE = /^[A-Za-z0-9_.-]{1,64}$/;

/** An id sent as a number or a string → trimmed string. */
export const idLike = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((v) => String(v).trim())
  .refine((v) => ID_RE.test(v), 'not an id');

/** A decimal sent as a string or a JSON number → exact decimal string (no float arithmetic). */
export const decimalLike = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = typeof v === 'number' ? numberText(v) : v.trim().replace(/,/g, '');
  if (s === null || !/^-?\d+(\.\d+)?$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'not a decimal' });
    return z.NEVER;
  }
  return new Decimal(s).toFixed();
});

/** JSON numbers arrive as doubles; their shortest round-trip text is what the provider wrote. */
function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  return new Decimal(n).toFixed();
}

/** An integer sent as a number or string; anything else (missing, "Unknown", junk) → null. */
export const intOrNull = z.unknown().transform((v) => parseRemains(v));

export const boolLike = z
  .union([z.boolean(), z.number(), z.string(), z.null()])
  .optional()
  .transform((v) => {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase());
    return false;
  });

/** Providers' services lists carry `null` or leave out any optional field: both mean "not given". */
const optionalText = (max: number) =>
  z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((v) => (v === null || v === undefined ? null : String(v).slice(0, max)));

export { normalizeServiceType };

export const serviceEntry = z
  .object({
    service: idLike,
    name: z.union([z.string(), z.number()]).transform((v) => String(v).slice(0, 1000)),
    type: optionalText(100),
    category: optionalText(500),
    rate: decimalLike.refine((v) => !v.startsWith('-'), 'a negative rate'),
    min: intOrNull,
    max: intOrNull,
    refill: boolLike,
    cancel: boolLike,
    dripfeed: boolLike,
    desc: optionalText(10_000),
    description: optionalText(10_000),
  })
  .transform((s) => ({
    service: s.service,
    name: s.name.trim(),
    type: normalizeServiceType(s.type),
    category: s.category?.trim() || 'Uncategorised',
    rate: s.rate,
    min: s.min !== null && s.min > 0 ? s.min : 1,
    max: s.max !== null && s.max > 0 ? s.max : 1_000_000_000,
    refill: s.refill,
    cancel: s.cancel,
    dripfeed: s.dripfeed,
    description: (s.desc ?? s.description)?.trim() || null,
  }));
export type ProviderService = z.output<typeof serviceEntry>;

export const statusReply = z
  .object({
    status: z.union([z.string(), z.number()]).transform(String),
    charge: decimalLike.optional().nullable().catch(null),
    start_count: intOrNull.optional(),
    remains: z.unknown().optional(),
    currency: z.string().max(10).optional().nullable().catch(null),
  })
  .transform((s) => ({
    status: s.status.trim(),
    charge: s.charge ?? null,
    startCount: s.start_count ?? null,
    remains: parseRemains(s.remains),
    /** What the provider sent for remains, for the activity log (e.g. "Unknown"). */
    remainsRaw: s.remains === undefined ? null : String(s.remains),
    currency: s.currency ?? null,
  }));
export type ProviderOrderStatus = z.output<typeof statusReply>;

export const balanceReply = z.object({
  balance: decimalLike,
  currency: z.string().max(10).optional().default('USD'),
});
export type ProviderBalance = z.output<typeof balanceReply>;
