// The floor under the gateway: a bare Fastify route that does only the two writes an order needs —
// the production charge statement (chargeAndCreateOrders, same driver settings and pool size) and the
// production forward enqueue (the gateway's coalescing ForwardQueue) — with none of the gateway's
// checks: no JWT, no rate limit, no schema, no pricing, no idempotency, no logging. What the gateway
// loses against this is what its own code costs; what this loses against pgbench is Node, the drivers
// and the machine.
import { randomInt } from 'node:crypto';
import { chargeAndCreateOrders, createDb } from '@smm/db';
import { newId } from '@smm/domain';
import { createProducerConnection, forwardJobId, Producer, waitForRedis } from '@smm/queue';
import Fastify from 'fastify';
import { ForwardQueue } from '../../../services/gateway/src/use-cases/forwarding.ts';

const env = process.env;
const port = Number(process.argv[2] ?? 0);
const users = Number(env.BENCH_USERS ?? 1000);
const c = {
  categoryId: env.BENCH_CATEGORY_ID!,
  serviceId: env.BENCH_SERVICE_ID!,
  providerId: env.BENCH_PROVIDER_ID!,
};
const { sql } = createDb(env.DATABASE_URL!, {
  max: Number(env.DB_POOL_MAX ?? 16),
  applicationName: 'bench-floor',
});
const connection = createProducerConnection(env.REDIS_URL!);
await waitForRedis(connection);
const forward = new ForwardQueue(new Producer({ connection, prefix: env.BULL_PREFIX! }));

const app = Fastify({ logger: false });
app.post('/api/user/create-orders', async () => {
  const userId = `usr_${String(randomInt(1, users + 1)).padStart(26, '0')}`;
  const orderId = newId('order');
  await chargeAndCreateOrders(sql, {
    userId,
    currency: 'BDT',
    dollarRate: '120',
    total: '10.000000',
    actorId: userId,
    notAfter: new Date(Date.now() + 10_000).toISOString(),
    lines: [
      {
        orderId,
        ...c,
        link: 'https://instagram.com/floor-bench',
        quantity: 100,
        price: '10.000000',
        bdtPrice: '10.000000',
        usdPrice: '0.090000',
      },
    ],
  });
  await forward.add([{ payload: { orderId }, opts: { jobId: forwardJobId(orderId, 1) } }]);
  return { success: true };
});
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
