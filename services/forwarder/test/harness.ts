import type { DbClient } from '@smm/db';
import { newId } from '@smm/domain';
import { createLogger } from '@smm/logger';
import {
  createProducerConnection,
  createWorkerConnection,
  enqueue,
  forwardJobId,
  type Job,
  Producer,
  waitForRedis,
} from '@smm/queue';
import { type RunningSandbox, type StartSandboxOptions, startSandbox } from '@smm/sandbox-provider';
import { deletePrefix, testPrefix } from '@smm/testkit';
import { testRedisUrl } from '@smm/testkit/vitest';
import { QueueEvents } from 'bullmq';
import { buildForwarder, type Forwarder, type ForwarderSettings } from '../src/index.ts';
import { secretBox } from './fixtures.ts';

export interface Harness {
  sandbox: RunningSandbox;
  forwarder: Forwarder;
  producer: Producer;
  events: QueueEvents;
  prefix: string;
  /**
   * Enqueues a forward job like the gateway does (first round) or with an explicit id; `providerId`
   * makes it an admin's forward to that provider, with the payload the admin route sends.
   */
  forward(orderId: string, opts?: { providerId?: string; jobId?: string }): Promise<Job>;
  close(): Promise<void>;
}

/** The admin an admin forward names as its actor (the forwarder only records it). */
const ADMIN_ID = newId('user');

/** An in-process forwarder on a fresh prefix, working against a real sandbox over HTTP. */
export async function startHarness(
  sql: DbClient['sql'],
  opts: { sandbox?: StartSandboxOptions; settings?: Partial<ForwarderSettings> } = {},
): Promise<Harness> {
  const redisUrl = testRedisUrl();
  const prefix = testPrefix('fwd');
  const sandbox = await startSandbox({ balance: '1000000', ...opts.sandbox });
  const connection = createWorkerConnection(redisUrl);
  const producerConnection = createProducerConnection(redisUrl);
  await Promise.all([waitForRedis(connection), waitForRedis(producerConnection)]);
  const producer = new Producer({ connection: producerConnection, prefix });
  const events = new QueueEvents('order-forward', { connection: { url: redisUrl }, prefix });
  await events.waitUntilReady();
  const forwarder = buildForwarder({
    sql,
    connection,
    secretBox,
    logger: createLogger({ service: 'forwarder-test', level: process.env.LOG_LEVEL ?? 'silent' }),
    settings: {
      prefix,
      concurrency: 10,
      allowInsecureProviderUrls: true,
      backoffBaseMs: 100,
      softRejectDelayMs: 500,
      limitRetryMs: 50,
      ...opts.settings,
    },
  });
  await forwarder.start();
  return {
    sandbox,
    forwarder,
    producer,
    events,
    prefix,
    forward: (orderId, o = {}) =>
      enqueue(
        producer,
        'forward-order',
        o.providerId
          ? { orderId, adminForward: { providerId: o.providerId, actorId: ADMIN_ID } }
          : { orderId },
        { jobId: o.jobId ?? forwardJobId(orderId, 1) },
      ),
    async close() {
      await forwarder.close();
      await events.close();
      await producer.close();
      connection.disconnect();
      producerConnection.disconnect();
      await sandbox.close();
      await deletePrefix(redisUrl, prefix);
    },
  };
}
