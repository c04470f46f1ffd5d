import { z } from 'zod';

export const ORDER_STATUSES = ['Pending', 'In progress', 'Completed', 'Partial', 'Canceled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['Completed', 'Partial', 'Canceled']);

export const outcomeMatchSchema = z
  .object({
    linkIncludes: z.string().min(1).optional(),
    service: z.number().int().optional(),
  })
  .strict();

/**
 * Forces how matching orders end, decided when the order is added (changing rules later never
 * rewrites existing orders). `Pending`/`In progress` mean the order is stuck there for good;
 * `remains` on a Completed order may be negative (over-delivery).
 */
export const outcomeRuleSchema = z
  .object({
    match: outcomeMatchSchema.default({}),
    status: z.enum(ORDER_STATUSES),
    remains: z.number().int().optional(),
    startCount: z.number().int().min(0).optional(),
    durationMs: z.number().int().min(0).optional(),
  })
  .strict();

export type OutcomeRule = z.output<typeof outcomeRuleSchema>;
export type OutcomeRuleInput = z.input<typeof outcomeRuleSchema>;

/** Accepts a list of rules or one rule. */
export function parseOutcomeRules(input: unknown): OutcomeRule[] {
  return z.array(outcomeRuleSchema).parse(Array.isArray(input) ? input : [input]);
}

export function findOutcome(
  rules: readonly OutcomeRule[],
  service: number,
  link: string,
): OutcomeRule | undefined {
  for (const rule of rules) {
    if (rule.match.service !== undefined && rule.match.service !== service) continue;
    if (rule.match.linkIncludes !== undefined && !link.includes(rule.match.linkIncludes)) continue;
    return rule;
  }
  return undefined;
}
