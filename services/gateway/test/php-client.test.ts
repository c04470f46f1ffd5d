import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { subMoney } from '@smm/domain';
import { startSandbox } from '@smm/sandbox-provider';
import { useTestDatabase } from '@smm/testkit/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { insertSandboxProvider } from './admin-fixtures.ts';
import { startGateway } from './harness.ts';
import { balanceOf, ledgerMatchesBalance, reseller } from './reseller-fixtures.ts';
import { startWorkers } from './worker-fixtures.ts';

// /api/v2 driven by a PHP client in the style resellers use (test/php/Api.php: curl, http_build_query,
// json_decode, int-typed refill/refillStatus), under Debian's php-cli — software we did not write
// the server for — and by a SmartPanel-style child panel keeping our numbers in an int(11) column.
const phpModules = spawnSync('php', ['-m'], { encoding: 'utf8' });
const hasPhp = phpModules.status === 0 && /^curl$/im.test(phpModules.stdout);
if (!hasPhp && process.env.SMM_REQUIRE_PHP === '1') {
  throw new Error('php-cli with the curl module is required here (.ci/run installs php-cli php-curl)');
}
const run = promisify(execFile);
const PHP_DIR = join(import.meta.dirname, 'php');
const TRANSPORTS = ['POST', 'GET', 'POST_QUERY', 'MULTIPART', 'JSON'] as const;
type Transport = (typeof TRANSPORTS)[number];

interface PhpCall {
  http: number;
  // biome-ignore lint/suspicious/noExplicitAny: what json_decode made of the reply, as PHP saw it.
  reply: any;
  errorIsString: boolean | null;
  orderAsInt: number | null;
  refillAsInt: number | null;
}

describe.runIf(hasPhp)('the reseller API through a PHP client', async () => {
  const sandbox = await startSandbox({
    outcomes: [
      { match: { linkIncludes: 'partial-157' }, status: 'Partial', remains: 157 },
      { match: { linkIncludes: 'hold' }, status: 'Pending' },
    ],
  });
  afterAll(() => sandbox.close());
  const t = await useTestDatabase();
  const gw = await startGateway(t);
  const workers = await startWorkers(t, gw);
  const cat = await insertSandboxProvider(t.sql, gw.deps.secretBox, sandbox);
  await t.sql`update services set refill = true, cancel = true, description = 'Real-looking followers'
              where id = ${cat.autoServiceId}`;
  const [svc] = await t.sql<
    { number: number }[]
  >`select number::int from services where id = ${cat.autoServiceId}`;
  const serviceNumber = svc!.number;
  const r = await reseller(gw.app, t.sql, { balance: '100', currency: 'USD' });
  const other = await reseller(gw.app, t.sql, { balance: '10', currency: 'USD' });
  await gw.app.listen({ port: 0, host: '127.0.0.1' });
  const address = gw.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const url = `${base}/api/v2`;

  const transcript: string[] = [];
  afterAll(() => {
    const dir = join(import.meta.dirname, '..', 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'php-client-transcript.txt'), `${transcript.join('\n')}\n`);
  });

  async function php(transport: Transport, method: string, arg?: string, key = r.key): Promise<PhpCall> {
    const args = [
      join(PHP_DIR, 'call.php'),
      url,
      key,
      transport,
      method,
      ...(arg === undefined ? [] : [arg]),
    ];
    const { stdout } = await run('php', args);
    const out = JSON.parse(stdout) as PhpCall;
    transcript.push(
      `$api->${method}(${arg ?? ''}) [${transport}] → HTTP ${out.http} ${JSON.stringify(out.reply)}`,
    );
    return out;
  }

  async function orderRow(number: number) {
    const [o] = await t.sql<{ id: string; status: string; userId: string; startCount: string }[]>`
      select id, status, user_id as "userId", coalesce(start_count, 0)::text as "startCount"
      from orders where number = ${number}`;
    return o;
  }

  async function placed(link: string, transport: Transport = 'POST'): Promise<number> {
    const res = await php(
      transport,
      'order',
      JSON.stringify({ service: serviceNumber, link, quantity: 1000 }),
    );
    expect(res.reply.error, JSON.stringify(res.reply)).toBeUndefined();
    expect(typeof res.reply.order).toBe('number');
    expect(res.orderAsInt).toBe(res.reply.order);
    return res.reply.order as number;
  }

  /** Forwarded to the sandbox, then one status-sync batch run for it. */
  async function forwardedAndSynced(numbers: number[]): Promise<void> {
    const ids: string[] = [];
    for (const n of numbers) {
      await expect.poll(async () => (await orderRow(n))?.status, { timeout: 10_000 }).toBe('processing');
      ids.push((await orderRow(n))!.id);
    }
    await workers.statusSync.run.batch({ providerId: cat.providerId, orderIds: ids });
  }

  it('services: the same list over every transport, service as an int, every reference field', async () => {
    const lists = [];
    for (const transport of TRANSPORTS) {
      const res = await php(transport, 'services');
      expect(res.http).toBe(200);
      lists.push(res.reply);
    }
    for (const list of lists) expect(list).toEqual(lists[0]);
    const entry = (lists[0] as { service: number }[]).find((s) => s.service === serviceNumber);
    expect(entry).toEqual({
      service: serviceNumber,
      name: 'IG auto',
      type: 'Default',
      category: expect.any(String),
      rate: '1.000000',
      min: '50',
      max: '100000',
      refill: true,
      cancel: true,
      dripfeed: false,
      desc: 'Real-looking followers',
    });
    expect(serviceNumber).toBeGreaterThanOrEqual(1000);
  });

  it('add over every transport answers an int order number; status follows it to Completed', async () => {
    const numbers: number[] = [];
    for (const transport of TRANSPORTS)
      numbers.push(await placed(`https://instagram.com/php-${transport}`, transport));
    expect(new Set(numbers).size).toBe(TRANSPORTS.length);
    for (const n of numbers) expect((await orderRow(n))!.userId).toBe(r.userId);

    await forwardedAndSynced(numbers);
    // Every order at the provider (processing), each sent exactly once.
    expect(sandbox.stats().adds.total).toBe(TRANSPORTS.length);
    // The sandbox reports a start count; the reply carries ours, as a string.
    const startCount = (await orderRow(numbers[0]!))!.startCount;
    expect(startCount).not.toBe('0');
    for (const transport of TRANSPORTS) {
      const res = await php(transport, 'status', String(numbers[0]));
      expect(res.reply).toEqual({
        charge: '1.000000',
        start_count: startCount,
        status: 'Completed',
        remains: '0',
        currency: 'USD',
      });
    }
    const multi = await php('POST', 'multiStatus', `${numbers[1]},${numbers[2]},99999999,abc`);
    expect(Object.keys(multi.reply)).toEqual([String(numbers[1]), String(numbers[2]), '99999999', 'abc']);
    expect(multi.reply[String(numbers[1])].status).toBe('Completed');
    expect(multi.reply['99999999']).toEqual({ error: 'Incorrect order ID' });
    expect(multi.reply.abc).toEqual({ error: 'Incorrect order ID' });
    expect(await balanceOf(t.sql, r.userId)).toBe('95.000000');
    expect(await ledgerMatchesBalance(t.sql, r.userId)).toBe(true);
  });

  it('refill(int) and refillStatus(int) take and answer numbers; the multi forms are lists keyed by number', async () => {
    const [a, b] = [
      await placed('https://instagram.com/php-refill-a'),
      await placed('https://instagram.com/php-refill-b'),
    ];
    await forwardedAndSynced([a!, b!]);
    const refill = await php('POST', 'refill', String(a));
    expect(typeof refill.reply.refill).toBe('number');
    expect(refill.refillAsInt).toBe(refill.reply.refill);
    // Asked of the sandbox by the forwarder at once: In progress from then on, until status-sync sees it done.
    const refillState = async (n: number) =>
      (await t.sql<{ s: string }[]>`select status as s from refills where number = ${n}`)[0]!.s;
    await expect.poll(() => refillState(refill.reply.refill), { timeout: 10_000 }).toBe('processing');
    const status = await php('GET', 'refillStatus', String(refill.reply.refill));
    expect(status.reply).toEqual({ status: 'In progress' });

    const multi = await php('POST', 'multiRefill', `${b},99999999`);
    expect(multi.reply).toEqual([
      { order: b, refill: expect.any(Number) },
      { order: 99999999, refill: { error: 'Incorrect order ID' } },
    ]);
    await expect.poll(() => refillState(multi.reply[0].refill), { timeout: 10_000 }).toBe('processing');
    await workers.statusSync.run.refills();
    const again = await php(
      'POST',
      'multiRefillStatus',
      `${refill.reply.refill},${multi.reply[0].refill},99999999`,
    );
    expect(again.reply).toEqual([
      { refill: refill.reply.refill, status: 'Completed' },
      { refill: multi.reply[0].refill, status: 'Completed' },
      { refill: 99999999, status: { error: 'Refill not found' } },
    ]);
  });

  it('cancel([int]) answers a list keyed by number; the order ends Canceled with its refund', async () => {
    const n = await placed('https://instagram.com/php-hold');
    await forwardedAndSynced([n]);
    const res = await php('POST', 'cancel', `${n},99999999`);
    expect(res.reply).toEqual([
      { order: n, cancel: 1 },
      { order: 99999999, cancel: { error: 'Incorrect order ID' } },
    ]);
    // The forwarder asks the sandbox to cancel; the next sync sees Canceled and refunds in full.
    const id = (await orderRow(n))!.id;
    const cancelOf = async () =>
      (await t.sql<{ c: string | null }[]>`select cancel_status as c from orders where id = ${id}`)[0]!.c;
    await expect.poll(cancelOf, { timeout: 10_000 }).toBe('sent');
    const before = await balanceOf(t.sql, r.userId);
    await workers.statusSync.run.batch({ providerId: cat.providerId, orderIds: [id] });
    const status = await php('POST', 'status', String(n));
    expect(status.reply).toEqual({
      charge: '0.000000',
      start_count: (await orderRow(n))!.startCount,
      status: 'Canceled',
      remains: '1000',
      currency: 'USD',
    });
    expect(subMoney(await balanceOf(t.sql, r.userId), before)).toBe('1.000000');
    expect(await ledgerMatchesBalance(t.sql, r.userId)).toBe(true);
  });

  it('balance answers the balance and currency as strings', async () => {
    const res = await php('JSON', 'balance');
    expect(res.reply).toEqual({ balance: await balanceOf(t.sql, r.userId), currency: 'USD' });
  });

  it('every customary error text arrives as a string PHP can print', async () => {
    const cases: [Transport, string, string | undefined, string, string?][] = [
      ['POST', 'balance', undefined, 'Invalid API key', 'not-a-key'],
      ['GET', 'balance', undefined, 'Invalid API key', ''],
      ['POST', 'raw', JSON.stringify({ key: r.key, action: 'nope' }), 'Incorrect action'],
      ['POST', 'raw', JSON.stringify({ key: r.key }), 'Incorrect request'],
      [
        'POST',
        'order',
        JSON.stringify({ service: 99999999, link: 'https://instagram.com/x', quantity: 100 }),
        'Incorrect service ID',
      ],
      [
        'POST',
        'order',
        JSON.stringify({ service: cat.autoServiceId, link: 'https://instagram.com/x', quantity: 100 }),
        'Incorrect service ID',
      ],
      [
        'POST',
        'order',
        JSON.stringify({ service: serviceNumber, link: 'not a link', quantity: 100 }),
        'Incorrect link',
      ],
      [
        'POST',
        'order',
        JSON.stringify({ service: serviceNumber, link: 'https://instagram.com/x', quantity: 'many' }),
        'Incorrect quantity',
      ],
      [
        'POST',
        'order',
        JSON.stringify({ service: serviceNumber, link: 'https://instagram.com/x', quantity: 10 }),
        'Quantity less than minimal 50',
      ],
      [
        'POST',
        'order',
        JSON.stringify({ service: serviceNumber, link: 'https://instagram.com/x', quantity: 100000 }),
        'Not enough funds on balance',
        other.key,
      ],
      ['POST', 'status', '99999999', 'Incorrect order ID'],
      ['POST', 'refill', '99999999', 'Incorrect order ID'],
      ['POST', 'refillStatus', '99999999', 'Refill not found'],
    ];
    for (const [transport, method, arg, text, key] of cases) {
      const res = await php(transport, method, arg, key ?? r.key);
      expect(res.reply, `${method} ${arg}`).toEqual({ error: text });
      expect(res.errorIsString).toBe(true);
      expect(res.http).toBe(200);
    }
    // Another reseller's order number is no order of this key's.
    const mine = await placed('https://instagram.com/php-mine');
    const theirs = await php('POST', 'status', String(mine), other.key);
    expect(theirs.reply).toEqual({ error: 'Incorrect order ID' });
  });

  it('a SmartPanel-style child panel stores our numbers in int(11), polls by them, and sees Completed and the refund', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'child-panel-')), 'orders.json');
    const child = async (...args: string[]) => {
      const { stdout } = await run('php', [
        join(PHP_DIR, 'child-panel.php'),
        args[0]!,
        url,
        r.key,
        file,
        ...args.slice(1),
      ]);
      transcript.push(`child panel ${args.join(' ')} → ${stdout.trim()}`);
      return JSON.parse(stdout) as {
        link: string;
        provider_order_id: number;
        status: string;
        remains: number;
        charge: number | null;
      }[];
    };
    await child('place', String(serviceNumber), 'https://instagram.com/child-complete', '1000');
    const rows = await child(
      'place',
      String(serviceNumber),
      'https://instagram.com/child-partial-157',
      '1000',
    );
    for (const row of rows) expect(row.provider_order_id).toBeGreaterThan(999);
    await forwardedAndSynced(rows.map((row) => row.provider_order_id));
    const polled = await child('poll');
    expect(polled).toEqual([
      {
        link: 'https://instagram.com/child-complete',
        provider_order_id: rows[0]!.provider_order_id,
        status: 'completed',
        remains: 0,
        charge: 1,
        error: null,
      },
      // Partial: 157 of 1000 undelivered, 0.157 refunded, so the order now costs 0.843.
      {
        link: 'https://instagram.com/child-partial-157',
        provider_order_id: rows[1]!.provider_order_id,
        status: 'partial',
        remains: 157,
        charge: 0.843,
        error: null,
      },
    ]);
    expect(await ledgerMatchesBalance(t.sql, r.userId)).toBe(true);
  });
});
