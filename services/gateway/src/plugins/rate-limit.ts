import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { RedisConnection } from '@smm/queue';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GatewayConfig } from '../config.ts';
import { AppError, ERROR_CODE } from '../errors.ts';

/**
 * Registered with `global: false`: only routes that ask for it (login, register, order creation)
 * are limited, each with its own counters. The store is Redis so several gateway replicas share
 * one budget. A Redis outage must not stop order intake, so store errors let the request through.
 */
export async function registerRateLimit(app: FastifyInstance, config: GatewayConfig, redis: RedisConnection) {
  await app.register(fastifyRateLimit, {
    global: false,
    redis,
    nameSpace: config.rateLimitPrefix,
    skipOnError: true,
    errorResponseBuilder: (_req, ctx) =>
      new AppError(429, ERROR_CODE.rateLimited, `too many requests, retry in ${ctx.after}`, {
        retryAfterMs: ctx.ttl,
      }),
  });
}

/** Per-IP limit for unauthenticated routes (login, register). */
export function loginRateLimit(config: GatewayConfig) {
  return { max: config.rateLimits.login.max, timeWindow: config.rateLimits.login.windowMs };
}

/**
 * Per-user limit for order creation. It runs at preValidation, after `authenticate` (onRequest),
 * so the key is the user, and malformed bodies still count against the budget.
 */
export function orderRateLimit(config: GatewayConfig) {
  return {
    max: config.rateLimits.orders.max,
    timeWindow: config.rateLimits.orders.windowMs,
    hook: 'preValidation' as const,
    keyGenerator: (req: FastifyRequest) => `u:${req.user.id}`,
  };
}

/** Per-user limit for deposit requests (counted before validation, like orders). */
export function depositRateLimit(config: GatewayConfig) {
  return {
    max: config.rateLimits.deposits.max,
    timeWindow: config.rateLimits.deposits.windowMs,
    hook: 'preValidation' as const,
    keyGenerator: (req: FastifyRequest) => `dep:${req.user.id}`,
  };
}

/**
 * Reseller API v2: per API key — its sha256, so the key itself never lands in Redis. It runs at
 * preHandler, once the form or JSON body (which carries the key) is parsed; a request without a key
 * is counted per IP.
 */
export function v2RateLimit(config: GatewayConfig) {
  return {
    max: config.rateLimits.v2.max,
    timeWindow: config.rateLimits.v2.windowMs,
    hook: 'preHandler' as const,
    keyGenerator: (req: FastifyRequest) => {
      // The key travels in the body or in the query string (GET, or POST with the fields in the URL).
      const key =
        (req.body as { key?: unknown } | undefined)?.key ?? (req.query as { key?: unknown } | undefined)?.key;
      return typeof key === 'string' && key.length > 0
        ? `v2:${createHash('sha256').update(key).digest('hex')}`
        : `v2ip:${req.ip}`;
    },
  };
}
