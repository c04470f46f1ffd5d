import { createWorkerConnection, type QueueName, type RedisConnection } from '@smm/queue';
import { closeRedis } from '@smm/service-kit';
import { type ConnectionOptions, QueueEvents } from 'bullmq';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The QueueEvents listener of a queue, for `job.waitUntilFinished` (admin forward and sync).
     * One per queue per gateway, made on first use: it holds a blocking Redis connection, which
     * gateways that never serve an admin request should not pay for. Closed with the app.
     */
    queueEvents(name: QueueName): Promise<QueueEvents>;
  }
}

export function decorateQueueEvents(app: FastifyInstance): void {
  const { config } = app.deps;
  const open = new Map<QueueName, Promise<QueueEvents>>();
  // On a Redis Cluster BullMQ needs a client instance (plain options make a standalone connection):
  // it duplicates it for its blocking reads, so this one never connects (lazy) and is only closed here.
  let clusterBase: RedisConnection | undefined;
  const connection = (): ConnectionOptions => {
    if (!config.redis.clusterNodes?.length) return { url: config.redisUrl };
    clusterBase ??= createWorkerConnection(config.redis, {
      connectionName: 'gateway-events',
      lazyConnect: true,
    });
    return clusterBase;
  };

  app.decorate('queueEvents', (name: QueueName) => {
    let ready = open.get(name);
    if (!ready) {
      const events = new QueueEvents(name, { connection: connection(), prefix: config.bullPrefix });
      events.on('error', (err) => app.log.warn({ err: { message: err.message } }, 'queue events error'));
      ready = events.waitUntilReady().then(
        () => events,
        async (err: unknown) => {
          // A failed start is not cached: the next admin request tries again.
          open.delete(name);
          await events.close().catch(() => {});
          throw err;
        },
      );
      open.set(name, ready);
    }
    return ready;
  });

  app.addHook('onClose', async () => {
    const all = [...open.values()];
    open.clear();
    await Promise.allSettled(all.map(async (p) => (await p).close()));
    if (clusterBase) await closeRedis(clusterBase);
  });
}
