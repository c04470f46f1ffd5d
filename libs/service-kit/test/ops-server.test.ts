import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOpsServer } from '../src/index.ts';

const registry = new Registry();
const ok = () => Promise.resolve();
const down = (why: string) => () => Promise.reject(new Error(why));

function server(checks: Record<string, () => Promise<unknown>>, metricsToken?: string) {
  const app = buildOpsServer({ registry, checks, metricsToken, checkTimeoutMs: 100 });
  afterAll(() => app.close());
  return app;
}

describe('the ops server (/healthz, /readyz, /metrics)', () => {
  it('/healthz answers while the process runs', async () => {
    const res = await server({ postgres: down('refused') }).inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is 200 with every check ok', async () => {
    const res = await server({ postgres: ok, redis: ok }).inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('/readyz is 503 naming each failure, the first one as `error`; a silent check times out', async () => {
    const hang = () => new Promise(() => {});
    const res = await server({ postgres: ok, redis: down('redis is reconnecting'), schedulers: hang }).inject(
      {
        url: '/readyz',
      },
    );
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'unavailable',
      checks: { postgres: 'ok', redis: 'redis is reconnecting', schedulers: 'no answer in 100 ms' },
      error: 'redis is reconnecting',
    });
  });

  it('/metrics wants the bearer token when one is set, and is open without one', async () => {
    const guarded = server({}, 'metrics-token-0123456789');
    expect((await guarded.inject({ url: '/metrics' })).statusCode).toBe(401);
    expect(
      (await guarded.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode,
    ).toBe(401);
    const scraped = await guarded.inject({
      url: '/metrics',
      headers: { authorization: 'Bearer metrics-token-0123456789' },
    });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.headers['content-type']).toBe(registry.contentType);
    expect((await server({}).inject({ url: '/metrics' })).statusCode).toBe(200);
  });
});
