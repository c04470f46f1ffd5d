import formbody from '@fastify/formbody';
import type { Logger } from '@smm/logger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { FaultRule } from './faults/fault-rules.ts';
import { registerAdminRoutes } from './http/admin-routes.ts';
import { registerApiRoute } from './http/api-route.ts';
import { HeldSockets } from './http/held-sockets.ts';
import { ListenerControl } from './http/listener-control.ts';
import { type ProviderSettings, ProviderState } from './provider-state.ts';

export interface SandboxDeps {
  settings: ProviderSettings;
  faults?: readonly FaultRule[];
  adminToken?: string | undefined;
  /** Milliseconds since the epoch; tests may pass their own to move time by hand. */
  clock?: () => number;
  logger?: Logger;
}

export interface Sandbox {
  app: FastifyInstance;
  state: ProviderState;
  listener: ListenerControl;
}

export function buildSandbox(deps: SandboxDeps): Sandbox {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    // Benchmarks push thousands of requests a second through here: no per-request log lines.
    logController: new LogController({ disableRequestLogging: true }),
    // A held (timeout fault) or delayed request must not keep close() waiting.
    forceCloseConnections: true,
  }) as unknown as FastifyInstance;
  app.register(formbody);

  const state = new ProviderState(deps.settings, deps.clock ?? Date.now);
  if (deps.faults) state.faults.set(deps.faults);
  const held = new HeldSockets();
  const listener = new ListenerControl(app, held);

  app.get('/healthz', async () => ({ status: 'ok' }));
  registerApiRoute(app, state, held);
  registerAdminRoutes(app, state, listener, deps.adminToken);
  return { app, state, listener };
}
