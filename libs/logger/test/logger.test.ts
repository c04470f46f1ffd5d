import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, jobLogger } from '../src/index.ts';

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
