import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, jobLogger, LazyChildLogger, redactUrl } from '../src/index.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts secrets at the top level and nested', () => {
    const { lines, stream } = capture();
    const log = createLogger({ service: 't', destination: stream });
    log.info(
      {
        apiKey: 'sk-top-1',
        password: 'pw-top-2',
        provider: { apiKey: 'sk-nested-3', loginPass: 'lp-nested-4', name: 'visible' },
        req: { headers: { authorization: 'Bearer tok-5', cookie: 'token=tok-6' } },
        form: { body: { key: 'sk-deep-7' } },
        token: 'tok-8',
      },
      'hello',
    );
    const out = lines.join('');
    for (const s of [
      'sk-top-1',
      'pw-top-2',
      'sk-nested-3',
      'lp-nested-4',
      'tok-5',
      'tok-6',
      'sk-deep-7',
      'tok-8',
    ]) {
      expect(out).not.toContain(s);
    }
    expect(out).toContain('visible');
    expect(out).toContain('[redacted]');
    expect(JSON.parse(lines[0]!).service).toBe('t');
  });

  it('job loggers carry the job and payload ids', () => {
    const { lines, stream } = capture();
    const log = jobLogger(createLogger({ service: 't', destination: stream }), {
      id: 'fwd-ord_1-1',
      name: 'forward-order',
      queueName: 'order-forward',
      data: { orderId: 'ord_1', other: 'x' },
    });
    log.info('go');
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ jobId: 'fwd-ord_1-1', orderId: 'ord_1', queue: 'order-forward' });
    expect(line.other).toBeUndefined();
  });
});

describe('redactUrl', () => {
  it('censors secret query parameters, however the name is spelled, and keeps the rest', () => {
    expect(redactUrl('/api/v2?key=abc123&action=status&order=1001')).toBe(
      '/api/v2?key=[redacted]&action=status&order=1001',
    );
    expect(redactUrl('/api/v2?KEY=abc&Api_Key=def&%6Bey=ghi&password=p&x=1')).toBe(
      '/api/v2?KEY=[redacted]&Api_Key=[redacted]&%6Bey=[redacted]&password=[redacted]&x=1',
    );
    // Repeated, empty and malformed parameters are still scrubbed; a path alone is untouched.
    expect(redactUrl('/a?key=1&key=2&key=&%E0%A4%A=1&token=t')).toBe(
      '/a?key=[redacted]&key=[redacted]&key=[redacted]&%E0%A4%A=1&token=[redacted]',
    );
    expect(redactUrl('/api/v2')).toBe('/api/v2');
    expect(redactUrl('/api/v2?keyboard=1&monkey=2')).toBe('/api/v2?keyboard=1&monkey=2');
  });

  it('is what a logged request carries as its url', () => {
    const lines: string[] = [];
    const log = createLogger({ service: 't', destination: { write: (l) => lines.push(l) } });
    log.info(
      { req: { method: 'GET', url: '/api/v2?key=SECRETKEY&action=balance', headers: {} } },
      'incoming',
    );
    expect(JSON.parse(lines[0]!).req).toMatchObject({
      method: 'GET',
      url: '/api/v2?key=[redacted]&action=balance',
    });
    expect(lines[0]).not.toContain('SECRETKEY');
  });
});

describe("LazyChildLogger (a request's logger)", () => {
  it('writes nothing below the level, and at it writes the line with its bindings, redacted', () => {
    const { lines, stream } = capture();
    const log = new LazyChildLogger(createLogger({ service: 't', level: 'warn', destination: stream }), {
      reqId: 'req-1',
    });
    log.info('quiet');
    log.debug('quieter');
    expect(lines).toEqual([]);
    expect(log.isLevelEnabled('info')).toBe(false);
    expect(log.level).toBe('warn');

    log.warn({ req: { headers: { authorization: 'Bearer tok-lazy' } } }, 'loud');
    log.error(new Error('boom'), 'failed');
    expect(lines).toHaveLength(2);
    const [warn, error] = lines.map((l) => JSON.parse(l));
    expect(warn).toMatchObject({ service: 't', reqId: 'req-1', msg: 'loud', level: 40 });
    expect(lines[0]).not.toContain('tok-lazy');
    expect(error).toMatchObject({ reqId: 'req-1', msg: 'failed', err: { message: 'boom' } });
  });

  it("its children carry both bindings, and a level of its own (a route's logLevel) is its own", () => {
    const { lines, stream } = capture();
    const parent = createLogger({ service: 't', level: 'warn', destination: stream });
    new LazyChildLogger(parent, { reqId: 'req-2' }).child({ orderId: 'ord_1' }).warn('child line');
    const chatty = new LazyChildLogger(parent, { reqId: 'req-3' }, { level: 'debug' });
    expect(chatty.isLevelEnabled('debug')).toBe(true);
    chatty.debug('debug line');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ reqId: 'req-2', orderId: 'ord_1', msg: 'child line' }),
      expect.objectContaining({ reqId: 'req-3', msg: 'debug line', level: 20 }),
    ]);
  });
});
