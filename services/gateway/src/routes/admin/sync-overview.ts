import { QUEUE, SCHEDULER } from '@smm/queue';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../common-schemas.ts';
import { withinProbe } from './queue-probe.ts';

const timestamp = z.string().nullable().describe('ISO 8601, UTC');
/** How many recent completed status-sync jobs are searched for the last sweep. */
const RECENT_JOBS = 50;

export const syncOverviewSchema = {
  tags: ['admin'],
  summary: 'Status sync at a glance: lag, due and live orders, last and next sweep',
  response: {
    200: z.object({
      success: z.literal(true),
      lagSeconds: z.number().describe('age of the oldest due status check (0 when none is due)'),
      dueOrders: z.number().int().describe('orders at a provider whose status check is due'),
      liveOrders: z.number().int().describe('orders processing or in progress at a provider'),
      lastStatusCheckAt: timestamp.describe('the latest status check of an order still live at a provider'),
      lastSweepAt: timestamp.describe('when the last status sweep finished (null: none kept, or Redis down)'),
      nextSweepAt: timestamp.describe("the sweep scheduler's next run (null: not scheduled, or Redis down)"),
    }),
    ...errors(401, 403),
  },
};

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

/** GET /api/admin/sync/overview: the numbers the sync page shows (the lag is the /metrics gauge's query). */
export const adminSyncOverviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { producer } = app.deps;

  app.get('/sync/overview', { schema: syncOverviewSchema }, async () => {
    const row = await app.repos.orders.syncLag();

    // Redis is optional here: the page still shows the database's numbers while it is down.
    let lastSweepAt: string | null = null;
    let nextSweepAt: string | null = null;
    if (producer.ready) {
      const queue = producer.queue(QUEUE.statusSync);
      const [jobs, scheduler] = await Promise.all([
        withinProbe(queue.getJobs(['completed'], 0, RECENT_JOBS - 1), []),
        withinProbe(queue.getJobScheduler(SCHEDULER.statusSweep), undefined),
      ]);
      const sweeps = jobs.filter((j) => j?.name === 'sync-sweep' && j.finishedOn);
      lastSweepAt = iso(Math.max(0, ...sweeps.map((j) => j.finishedOn ?? 0)));
      nextSweepAt = iso(scheduler?.next);
    }

    return {
      success: true as const,
      lagSeconds: Math.max(0, row?.lag ?? 0),
      dueOrders: row?.due ?? 0,
      liveOrders: row?.live ?? 0,
      lastStatusCheckAt: row?.lastCheck ?? null,
      lastSweepAt,
      nextSweepAt,
    };
  });
};
