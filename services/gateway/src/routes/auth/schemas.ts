import { CURRENCIES } from '@smm/domain';
import { z } from 'zod';
import { errors, publicUserSchema } from '../common-schemas.ts';

// Upper bounds keep argon2 from being fed megabytes.
export const loginBodySchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(256),
});

export const registerBodySchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(8, 'password must be at least 8 characters').max(256),
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

export const logoutSchema = {
  tags: ['auth'],
  response: { 200: z.object({ success: z.literal(true) }) },
};
