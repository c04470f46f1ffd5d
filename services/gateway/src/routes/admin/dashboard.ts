import { compareMoney, roundMoney } from '@smm/domain';
import { QUEUE_NAMES } from '@smm/queue';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors, moneySchema } from '../common-schemas.ts';
import { withinProbe } from './queue-probe.ts';

const figures = z.object({
  orders: z.number().int(),
  revenueUSD: moneySchema.describe('paid by customers less refunds, at each order’s USD price'),
  providerCostUSD: moneySchema.describe('what providers charged (their status `charge`), in USD'),
  profitUSD: moneySchema.describe('revenue − provider cost, over the orders whose cost is known'),
  ordersWithoutCost: z.number().int().describe('no provider charge known yet: left out of the profit'),
});

const dashboardSchema = {
  tags: ['admin'],
  summary: 'The panel at a glance: sales, orders needing an admin, provider balances, queues, sync lag',
  response: {
    200: z.object({
      success: z.literal(true),
      timeZone: z.string().describe('where "today" begins (DASHBOARD_TIME_ZONE)'),
      today: figures,
      last7Days: figures.describe('today and the 6 days before'),
      needsReview: z.number().int(),
      pendingDeposits: z.number().int(),
      lowBalanceUSD: moneySchema.describe('the warning threshold (LOW_BALANCE_USD)'),
      providers: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          status: z.string(),
          balance: z.string().nullable().describe('as of its last check, in its currency'),
          currency: z.string().nullable(),
          balanceAt: z.string().nullable(),
          balanceUSD: z.string().nullable(),
          low: z.boolean().describe('below LOW_BALANCE_USD (false when unknown)'),
        }),
      ),
      queues: z
        .array(
          z.object({
            name: z.string(),
            waiting: z.number().int(),
            active: z.number().int(),
            delayed: z.number().int(),
            failed: z.number().int(),
          }),
        )
        .nullable()
        .describe('null while Redis does not answer'),
      sync: z.object({ lagSeconds: z.number(), dueOrders: z.number().int(), liveOrders: z.number().int() }),
    }),
    ...errors(401, 403),
  },
};

/** GET /api/admin/dashboard: what an admin looks at first in the morning. */
export const adminDashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { producer, config } = app.deps;
  const { dashboard, orders } = app.repos;
  const { lowBalanceUSD, timeZone } = config.dashboard;

  app.get('/dashboard', { schema: dashboardSchema }, async () => {
    const [periods, needsReview, pendingDeposits, providers, lag] = await Promise.all([
      dashboard.periods(timeZone),
      dashboard.needsReview(),
      dashboard.pendingDeposits(),
      dashboard.providerBalances(),
      orders.syncLag(),
    ]);
    // Redis is optional here: the page still shows the database's figures while it is down.
    const queues = producer.ready
      ? await withinProbe(
          Promise.all(
            QUEUE_NAMES.map(async (name) => {
              const c = await producer.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed');
              return {
                name,
                waiting: c.waiting ?? 0,
                active: c.active ?? 0,
                delayed: c.delayed ?? 0,
                failed: c.failed ?? 0,
              };
            }),
          ),
          null,
        )
      : null;
    return {
      success: true as const,
      timeZone,
      ...periods,
      needsReview,
      pendingDeposits,
      lowBalanceUSD: roundMoney(lowBalanceUSD),
      providers: providers.map((p) => ({
        ...p,
        low: p.balanceUSD !== null && compareMoney(p.balanceUSD, lowBalanceUSD) < 0,
      })),
      queues,
      sync: { lagSeconds: Math.max(0, lag.lag ?? 0), dueOrders: lag.due, liveOrders: lag.live },
    };
  });
};
