import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { HeldSockets } from './held-sockets.ts';

/**
 * Opens, shuts and reopens the listening socket on the same port, so tests can see a provider
 * that refuses connections for a while and then comes back.
 */
export class ListenerControl {
  private readonly app: FastifyInstance;
  private readonly held: HeldSockets;
  private address: { host: string; port: number } | undefined;
  private reopenTimer: NodeJS.Timeout | undefined;

  constructor(app: FastifyInstance, held: HeldSockets) {
    this.app = app;
    this.held = held;
  }

  get listening(): boolean {
    return this.app.server.listening;
  }

  get port(): number {
    if (!this.address) throw new Error('sandbox is not listening yet');
    return this.address.port;
  }

  get host(): string {
    if (!this.address) throw new Error('sandbox is not listening yet');
    return this.address.host;
  }

  async listen(port: number, host: string): Promise<void> {
    await this.app.listen({ port, host });
    this.address = { host, port: (this.app.server.address() as AddressInfo).port };
  }

  /** Closes the listener and every open connection (held ones too): new connections are refused. */
  async stopListening(): Promise<void> {
    this.clearReopen();
    const server = this.app.server;
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    this.held.destroyAll();
    await closed;
    // Let clients in this process notice their sockets closed, so their next request opens a
    // new connection and is refused instead of failing on a dead keep-alive socket.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Listens again on the port it had. */
  async startListening(): Promise<void> {
    this.clearReopen();
    const server = this.app.server;
    const address = this.address;
    if (!address) throw new Error('sandbox never listened: call listen() first');
    if (server.listening) return;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.port, address.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  /** Refuses connections for `ms`, then listens again. Resolves once the listener is down. */
  async outage(ms: number): Promise<void> {
    await this.stopListening();
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = undefined;
      this.startListening().catch((err: unknown) => {
        this.app.log.error({ err }, 'sandbox could not listen again after an outage');
      });
    }, ms);
  }

  async close(): Promise<void> {
    this.clearReopen();
    this.held.destroyAll();
    await this.app.close();
  }

  private clearReopen(): void {
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = undefined;
  }
}
