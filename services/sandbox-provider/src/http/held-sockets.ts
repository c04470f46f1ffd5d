import type { Socket } from 'node:net';

/**
 * Sockets whose request was accepted but will never be answered (the timeout-after-accept
 * fault). They stay open until the client gives up, an optional hold time passes, or the
 * sandbox stops listening.
 */
export class HeldSockets {
  private readonly sockets = new Set<Socket>();

  hold(socket: Socket, holdMs?: number): void {
    this.sockets.add(socket);
    const timer = holdMs === undefined ? undefined : setTimeout(() => socket.destroy(), holdMs);
    timer?.unref();
    socket.once('close', () => {
      if (timer) clearTimeout(timer);
      this.sockets.delete(socket);
    });
  }

  get size(): number {
    return this.sockets.size;
  }

  destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
