import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedReply {
  status?: number;
  contentType?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Read the request, then never answer. */
  hang?: boolean;
  /** Read the request, then drop the connection. */
  destroy?: boolean;
  delayMs?: number;
}

export interface SeenRequest {
  contentType: string | undefined;
  form: URLSearchParams;
}

/** A tiny HTTP server that answers with canned replies: the network edge, faked. */
export async function startCannedServer() {
  let next: CannedReply = { status: 200, body: '{}' };
  const seen: SeenRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        contentType: req.headers['content-type'],
        form: new URLSearchParams(Buffer.concat(chunks).toString()),
      });
      const r = next;
      if (r.hang) return;
      if (r.destroy) {
        req.socket.destroy();
        return;
      }
      const send = () => {
        res.writeHead(r.status ?? 200, { 'content-type': r.contentType ?? 'application/json', ...r.headers });
        res.end(r.body ?? '');
      };
      if (r.delayMs) setTimeout(send, r.delayMs);
      else send();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/v2`,
    seen,
    reply(r: CannedReply) {
      next = r;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
