import { dec, roundMoney } from '@smm/domain';
import { z } from 'zod';
import { catalogSchema, DEFAULT_CATALOG } from './catalog.ts';
import { faultRuleSchema } from './faults/fault-rules.ts';
import { outcomeRuleSchema } from './outcomes.ts';
import type { ProviderSettings } from './provider-state.ts';

/**
 * What a sandbox can be told at start. The defaults suit tests: orders complete at once and
 * always in full, unless `durationMs`, the rates or outcome rules say otherwise.
 */
export const sandboxOptionsSchema = z
  .object({
    apiKey: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).default('sandbox-key'),
    seed: z.number().int().default(1),
    /** Typical time from add to a final status; each order takes 50–100% of it. 0 = final at once. */
    durationMs: z.number().int().min(0).default(0),
    partialRate: z.number().min(0).max(1).default(0),
    cancelRate: z.number().min(0).max(1).default(0),
    balance: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'balance must be a decimal string')
      .default('1000.00'),
    currency: z.string().min(1).default('USD'),
    catalog: catalogSchema.optional(),
    outcomes: z.array(outcomeRuleSchema).default([]),
    faults: z.array(faultRuleSchema).default([]),
    rejectActiveLink: z.boolean().default(false),
    /** Time a refill reads Pending before Completed; defaults to `durationMs`. */
    refillDurationMs: z.number().int().min(0).optional(),
    firstOrderId: z.number().int().positive().default(1),
    adminToken: z.string().min(1).optional(),
  })
  .refine((o) => o.partialRate + o.cancelRate <= 1, 'partialRate + cancelRate must not exceed 1');

export type SandboxOptionsInput = z.input<typeof sandboxOptionsSchema>;
export type SandboxOptions = z.output<typeof sandboxOptionsSchema>;

export function toSettings(options: SandboxOptions): ProviderSettings {
  return {
    apiKeys: typeof options.apiKey === 'string' ? [options.apiKey] : options.apiKey,
    currency: options.currency,
    catalog: options.catalog ?? DEFAULT_CATALOG,
    plan: {
      seed: options.seed,
      durationMs: options.durationMs,
      partialRate: options.partialRate,
      cancelRate: options.cancelRate,
    },
    rejectActiveLink: options.rejectActiveLink,
    refillDurationMs: options.refillDurationMs ?? options.durationMs,
    firstOrderId: options.firstOrderId,
    initialBalance: roundMoney(dec(options.balance)),
    outcomes: options.outcomes,
  };
}
