import { z } from 'zod';
import { QUIRKS } from './quirks.ts';

export const faultMatchSchema = z
  .object({
    /** One action or several; absent = every action. */
    action: z.union([z.string(), z.array(z.string())]).optional(),
    /** The `service` of an add, or the service of the order a single-order request names. */
    service: z.number().int().optional(),
    /** A substring of the `link` of an add, or of the link of the order a single-order request names. */
    linkIncludes: z.string().min(1).optional(),
  })
  .strict();

export const faultEffectSchema = z.discriminatedUnion('type', [
  /** HTTP 429 with Retry-After and an empty body; the request is not processed. */
  z.object({ type: z.literal('rate-limit'), retryAfterSec: z.number().int().min(0).default(30) }).strict(),
  /** HTTP 503 with an empty body; not processed. */
  z.object({ type: z.literal('unavailable') }).strict(),
  /** A 5xx with a body; not processed (the client cannot know that, which is the point). */
  z
    .object({
      type: z.literal('server-error'),
      status: z.number().int().min(500).max(599).default(500),
      body: z.string().default('Internal Server Error'),
    })
    .strict(),
  /** Cloudflare's "Just a moment..." page, text/html; not processed. */
  z.object({ type: z.literal('html'), status: z.number().int().min(200).max(599).default(503) }).strict(),
  /** A provider-side `{"error": …}` reply with the chosen HTTP status; not processed. */
  z
    .object({
      type: z.literal('error-reply'),
      error: z.string().min(1),
      status: z.number().int().min(200).max(599).default(200),
    })
    .strict(),
  /**
   * Processes the request (an add creates and counts its order) and never answers: the socket
   * is held until the client gives up, `holdMs` passes, or the sandbox closes.
   */
  z
    .object({ type: z.literal('timeout-after-accept'), holdMs: z.number().int().positive().optional() })
    .strict(),
  /** Reads the request, then destroys the socket without processing it: no order is created. */
  z.object({ type: z.literal('drop-before') }).strict(),
  /** Processes the request (an add creates its order), then destroys the socket without a reply. */
  z.object({ type: z.literal('drop-after') }).strict(),
]);

export const faultRuleSchema = z
  .object({
    match: faultMatchSchema.default({}),
    /** Share of matching requests hit, drawn from the sandbox's seeded dice. */
    rate: z.number().min(0).max(1).default(1),
    /** Hit at most this many requests, then stay inert. */
    times: z.number().int().positive().optional(),
    /** Delay before the request is handled (adds up over every matching rule). */
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    /** What goes wrong; the first matching rule with an effect wins. */
    effect: faultEffectSchema.optional(),
    /** Reply-shape quirks (unioned over every matching rule). */
    quirks: z.array(z.enum(QUIRKS)).optional(),
  })
  .strict();

export type FaultMatch = z.output<typeof faultMatchSchema>;
export type FaultEffect = z.output<typeof faultEffectSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;
export type FaultRuleInput = z.input<typeof faultRuleSchema>;

export function parseFaultRules(input: unknown): FaultRule[] {
  const list = Array.isArray(input) ? input : [input];
  return z.array(faultRuleSchema).parse(list);
}
