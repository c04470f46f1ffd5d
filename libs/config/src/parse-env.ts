import type { z } from 'zod';

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(service: string, issues: string[]) {
    super(`Invalid configuration for ${service}:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/**
 * Parses an env object with a zod schema. Fails fast with one readable message naming every bad
 * variable, and never echoes values (they may be secrets).
 */
export function parseEnv<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    // An empty variable means "unset": docker-compose and shells produce them often.
    if (v !== undefined && v !== '') cleaned[k] = v;
  }
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(env)';
      return `${name}: ${issue.message}`;
    });
    throw new ConfigError(service, issues);
  }
  return result.data;
}
