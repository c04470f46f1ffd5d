import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface InFlightProxy {
  apiUrl: string;
  /** The most `add` requests the upstream was working on at the same time. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/**
 * A pass-through HTTP proxy in front of the sandbox that counts `add` requests in flight: the
 * sandbox does not report concurrency, and this measures it where the provider would see it.
 */
export async function startInFlightProxy(upstreamApiUrl: string): Promise<InFlightProxy> {
  const upstream = new URL(upstreamApiUrl);
  const agent = new http.Agent({ keepAlive: true });
  let inFlight = 0;
  let max = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isAdd = new URLSearchParams(body.toString()).get('action') === 'add';
      if (isAdd) max = Math.max(max, ++inFlight);
      const done = () => {
        if (isAdd) inFlight--;
      };
      const out = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: upstream.pathname,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
          agent,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          up.on('end', done);
        },
      );
      out.on('error', () => {
        done();
        res.destroy();
      });
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}${upstream.pathname}`,
    maxInFlight: () => max,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
