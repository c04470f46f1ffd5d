import { setTimeout as sleep } from 'node:timers/promises';
import { startPanel } from '@smm/start/test/panel-process.ts';
import { deletePrefix, freePort, startPrivatePostgres, testPrefix } from '@smm/testkit';
import { testRedisUrl } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` during a Postgres outage, with the forwarder crash-looping for a minute: the gateway,
 * status-sync and the sandbox stay up the whole time (each service has its own restart backoff), and
 * when Postgres returns everything recovers — the forwarder comes back and orders flow again.
 */
const pg = await startPrivatePostgres();
afterAll(() => pg.destroy());
const prefix = testPrefix('crash');
const redisUrl = testRedisUrl();
afterAll(() => deletePrefix(redisUrl, prefix));
const [gatewayPort, forwarderPort, syncPort, sandboxPort] = [
  await freePort(),
  await freePort(),
  await freePort(),
  await freePort(),
];
const DEMO_PASSWORD = 'demo-password-crash';
const panel = startPanel({
  NODE_ENV: 'development',
  DATABASE_URL: pg.url('smm'),
  REDIS_URL: redisUrl,
  BULL_PREFIX: prefix,
  PORT: String(gatewayPort),
  FORWARDER_PORT: String(forwarderPort),
  STATUS_SYNC_PORT: String(syncPort),
  SANDBOX_PORT: String(sandboxPort),
  SANDBOX_ORDER_DURATION_MS: '2000',
  SANDBOX_PARTIAL_RATE: '0',
  SANDBOX_CANCEL_RATE: '0',
  SYNC_INTERVAL_MS: '1000',
  REPAIR_INTERVAL_MS: '1000',
  PENDING_GRACE_MS: '2000',
  SYNC_POLL_SCALE: '0.02',
  FORWARD_FIRST_STATUS_CHECK_MS: '1000',
  DEMO_PASSWORD,
  ADMIN_PASSWORD: 'admin-password-crash',
  ORDER_RATE_MAX: '10000',
  LOG_LEVEL: 'warn',
});
afterAll(() => panel.stop());

const api = `http://127.0.0.1:${gatewayPort}`;
const healthy = async (port: number) => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
};
async function login(): Promise<string> {
  const res = await fetch(`${api}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@example.com', password: DEMO_PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe('a worker crash-looping through a Postgres outage', () => {
  it('leaves the rest up, and everything recovers when Postgres returns', async () => {
    await panel.waitFor('SMM panel is running', 120_000);
    const token = await login();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const { services } = (await (await fetch(`${api}/api/user/services`, { headers: auth })).json()) as {
      services: Array<{ id: string; categoryId: string; name: string }>;
    };
    const followers = services.find((s) => s.name.startsWith('Instagram Followers'))!;
    const order = async (link: string) =>
      fetch(`${api}/api/user/create-orders`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ categoryId: followers.categoryId, serviceId: followers.id, link, qty: 100 }),
      });

    const steady = {
      gateway: panel.pid('gateway'),
      sync: panel.pid('status-sync'),
      sandbox: panel.pid('sandbox-provider'),
    };
    pg.stop('immediate');
    const outageStarted = Date.now();
    let kills = 0;
    let readyzDuringOutage = 0;
    while (Date.now() - outageStarted < 60_000) {
      // The forwarder dies whenever it is up: a crash loop, as a bad node or an OOM would cause.
      const pid = panel.pid('forwarder');
      if (pid) {
        try {
          process.kill(pid, 'SIGKILL');
          kills++;
        } catch {
          // already gone
        }
      }
      // The others stay up: same processes, answering their health checks.
      expect(await healthy(gatewayPort)).toBe(true);
      expect(await healthy(sandboxPort)).toBe(true);
      readyzDuringOutage = (await fetch(`${api}/readyz`)).status;
      expect({
        gateway: panel.pid('gateway'),
        sync: panel.pid('status-sync'),
        sandbox: panel.pid('sandbox-provider'),
      }).toEqual(steady);
      await sleep(3_000);
    }
    expect(kills).toBeGreaterThanOrEqual(4);
    expect(readyzDuringOutage).toBe(503);
    // Order creation fails fast while Postgres is down.
    const t0 = Date.now();
    expect((await order('https://instagram.com/crash-during')).status).toBe(503);
    expect(Date.now() - t0).toBeLessThan(3_000);

    pg.start();
    // The forwarder comes back on its own (its backoff is capped at 30 s) and so does readiness.
    await expect.poll(() => healthy(forwarderPort), { timeout: 45_000, interval: 500 }).toBe(true);
    await expect.poll(async () => (await fetch(`${api}/readyz`)).status, { timeout: 15_000 }).toBe(200);
    expect(await healthy(syncPort)).toBe(true);
    const res = await order('https://instagram.com/crash-after');
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { orderIds: string[] }).orderIds[0]!;
    await expect
      .poll(
        async () =>
          (
            (await (await fetch(`${api}/api/user/orders/${id}`, { headers: auth })).json()) as {
              order: { status: string };
            }
          ).order.status,
        { timeout: 30_000, interval: 500 },
      )
      .toBe('completed');
    expect(panel.output()).toMatch(
      /\[forwarder\] exited \(code null\); restarting in \d+ s \(failure \d+ in a row\)/,
    );
    expect(panel.output()).not.toContain('stopping the rest');
    expect(await panel.stop()).toBe(0);
  });
});
