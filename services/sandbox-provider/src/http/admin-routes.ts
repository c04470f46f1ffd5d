import { timingSafeEqual } from 'node:crypto';
import { dec, roundMoney } from '@smm/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseFaultRules } from '../faults/fault-rules.ts';
import { formatMoney } from '../money-format.ts';
import { orderAt } from '../orders/order-progress.ts';
import { parseOutcomeRules } from '../outcomes.ts';
import type { ProviderState } from '../provider-state.ts';
import type { ListenerControl } from './listener-control.ts';

const outageBody = z.object({ ms: z.number().int().min(1).max(600_000) });
const balanceBody = z.object({ balance: z.string().regex(/^\d+(\.\d+)?$/) });
const statsQuery = z.object({ link: z.string().optional(), service: z.string().optional() });
const idParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * Test and operator controls under `/__admin`: counters, fault and outcome rules, balance,
 * reset, order inspection and outages. Guarded by a token when one is configured.
 */
export function registerAdminRoutes(
  app: FastifyInstance,
  state: ProviderState,
  listener: ListenerControl,
  adminToken: string | undefined,
): void {
  app.register(
    async (admin) => {
      if (adminToken !== undefined) {
        admin.addHook('onRequest', async (request, reply) => {
          if (!tokenMatches(request, adminToken))
            return reply.code(401).send({ error: 'admin token required' });
        });
      }
      admin.setErrorHandler((err, _request, reply) => {
        if (err instanceof z.ZodError)
          return reply.code(400).send({ error: 'invalid body', issues: err.issues });
        const status = (err as { statusCode?: number }).statusCode ?? 500;
        return reply.code(status).send({ error: (err as Error).message });
      });

      admin.get('/stats', async (request) => {
        const filter = statsQuery.parse(request.query);
        return {
          ...state.stats.snapshot(state.book.orders.size, filter),
          balance: formatMoney(state.book.balance(state.clock())),
          faultsActive: state.faults.list().length,
          listening: listener.listening,
        };
      });

      admin.get('/faults', async () => ({ rules: state.faults.list() }));
      admin.put('/faults', async (request) => {
        state.faults.set(parseFaultRules(rulesOf(request.body)));
        return { rules: state.faults.list() };
      });
      admin.post('/faults', async (request) => {
        state.faults.add(parseFaultRules(rulesOf(request.body)));
        return { rules: state.faults.list() };
      });
      admin.delete('/faults', async () => {
        state.faults.clear();
        return { rules: [] };
      });

      admin.get('/outcomes', async () => ({ rules: state.outcomes }));
      admin.put('/outcomes', async (request) => {
        state.outcomes = parseOutcomeRules(rulesOf(request.body));
        return { rules: state.outcomes };
      });
      admin.delete('/outcomes', async () => {
        state.outcomes = [];
        return { rules: [] };
      });

      admin.put('/balance', async (request) => {
        const { balance } = balanceBody.parse(request.body);
        state.book.setBalance(roundMoney(dec(balance)));
        return { balance: formatMoney(state.book.balance(state.clock())) };
      });

      admin.get('/orders/:id', async (request, reply) => {
        const { id } = idParams.parse(request.params);
        const order = state.book.get(id);
        if (!order) return reply.code(404).send({ error: 'no such order' });
        const view = orderAt(order, state.clock());
        return {
          id: order.id,
          service: order.service,
          link: order.link,
          quantity: order.quantity,
          charge: order.charge,
          finalStatus: order.finalStatus,
          finalRemains: order.finalRemains,
          now: { ...view, charge: formatMoney(view.charge) },
        };
      });

      admin.post('/reset', async () => {
        state.reset();
        return { ok: true };
      });

      admin.post('/outage', async (request, reply) => {
        const { ms } = outageBody.parse(request.body);
        // Answer first, then drop the listener (this very connection included).
        reply.raw.once('finish', () => setImmediate(() => void listener.outage(ms)));
        return reply.send({ ok: true, ms });
      });
    },
    { prefix: '/__admin' },
  );
}

/** Accepts `{"rules":[…]}`, a bare list, or one rule. */
function rulesOf(body: unknown): unknown {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'rules' in body) return body.rules;
  return body;
}

function tokenMatches(request: FastifyRequest, expected: string): boolean {
  const header = request.headers['x-admin-token'];
  const auth = request.headers.authorization;
  const given = typeof header === 'string' ? header : auth?.startsWith('Bearer ') ? auth.slice(7) : '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
