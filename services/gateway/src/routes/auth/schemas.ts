import { CURRENCIES } from '@smm/domain';
import { z } from 'zod';
import { errors, publicUserSchema } from '../common-schemas.ts';

// Upper bounds keep argon2 from being fed megabytes.
export const loginBodySchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(256),
});

/** The shortest password an account may have (register, password change); GET /api/auth/config says it. */
export const PASSWORD_MIN_LENGTH = 8;

/** A password being set: at least PASSWORD_MIN_LENGTH characters, at most 256 (argon2 is not fed megabytes). */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256);

export const registerBodySchema = z.strictObject({
  email: z.email().max(254),
  password: newPasswordSchema,
  name: z.string().trim().min(1).max(100),
  currency: z.enum(CURRENCIES).optional(),
});

export const sessionReplySchema = z.object({
  success: z.literal(true),
  token: z.string(),
  user: publicUserSchema,
});

export const loginSchema = {
  tags: ['auth'],
  body: loginBodySchema,
  response: { 200: sessionReplySchema, ...errors(400, 401, 403, 429, 503) },
};

export const registerSchema = {
  tags: ['auth'],
  body: registerBodySchema,
  response: { 201: sessionReplySchema, ...errors(400, 403, 409, 429) },
};

export const authConfigSchema = {
  tags: ['auth'],
  summary: 'What the sign-in pages need to know: whether registration is open, the password rule',
  response: {
    200: z
      .object({
        success: z.literal(true),
        registration: z.boolean().describe('POST /api/auth/register is open (ALLOW_REGISTRATION)'),
        passwordMinLength: z.number().int().describe('the shortest password register and a change accept'),
      })
      .meta({ id: 'AuthConfig' }),
  },
};

export const logoutSchema = {
  tags: ['auth'],
  response: { 200: z.object({ success: z.literal(true) }) },
};
