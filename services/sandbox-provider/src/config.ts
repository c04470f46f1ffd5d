import { boolFlag, logEnv, nodeEnv, portEnv } from '@smm/config';
import { z } from 'zod';

const rate = z.coerce.number().min(0).max(1);

export const sandboxEnvSchema = z.object({
  ...nodeEnv,
  ...logEnv,
  ...portEnv(3100),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** One key, or several separated by commas. */
  SANDBOX_API_KEY: z.string().min(1).default('sandbox-key'),
  SANDBOX_SEED: z.coerce.number().int().default(1),
  SANDBOX_ORDER_DURATION_MS: z.coerce.number().int().min(0).default(30_000),
  SANDBOX_PARTIAL_RATE: rate.default(0.1),
  SANDBOX_CANCEL_RATE: rate.default(0.05),
  SANDBOX_BALANCE: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a decimal amount')
    .default('1000.00'),
  SANDBOX_CURRENCY: z.string().min(1).default('USD'),
  SANDBOX_REJECT_ACTIVE_LINK: boolFlag(false),
  SANDBOX_FIRST_ORDER_ID: z.coerce.number().int().positive().default(1),
  /** Guards /__admin when set; otherwise rely on the loopback bind. */
  SANDBOX_ADMIN_TOKEN: z.string().min(1).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

export type SandboxEnv = z.output<typeof sandboxEnvSchema>;
