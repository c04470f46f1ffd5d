import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { bearer, counts, seedCatalog, seedUser, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { app } = await startGateway(t);
const cat = await seedCatalog(t.sql);
const userId = await seedUser(t.sql, { balance: '1000000.000000' });
const token = app.issueToken({ id: userId, role: 'user' });

const good = { categoryId: cat.catA, serviceId: cat.auto, link: 'https://instagram.com/someone', qty: 100 };
const line = (over: Record<string, unknown>) => ({ ...good, ...over });
const without = (key: keyof typeof good) => {
  const { [key]: _drop, ...rest } = good;
  return rest;
};
const unknownId = { svc: 'svc_01aaaaaaaaaaaaaaaaaaaaaaaa', cat: 'cat_01aaaaaaaaaaaaaaaaaaaaaaaa' };

interface Case {
  name: string;
  body: unknown;
  raw?: string;
  status: number;
  code: string;
  field?: string;
}

const cases: Case[] = [
  { name: 'empty object', body: {}, status: 400, code: 'VALIDATION_ERROR', field: 'body.categoryId' },
  { name: 'missing link', body: without('link'), status: 400, code: 'VALIDATION_ERROR', field: 'body.link' },
  { name: 'missing qty', body: without('qty'), status: 400, code: 'VALIDATION_ERROR', field: 'body.qty' },
  {
    name: 'missing serviceId',
    body: without('serviceId'),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.serviceId',
  },
  {
    name: 'qty as string',
    body: line({ qty: '100' }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.qty',
  },
  {
    name: 'link as number',
    body: line({ link: 42 }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.link',
  },
  {
    name: 'serviceId as number',
    body: line({ serviceId: 7 }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.serviceId',
  },
  { name: 'body is an array', body: [good], status: 400, code: 'VALIDATION_ERROR' },
  { name: 'body is a string', body: 'hello', status: 400, code: 'VALIDATION_ERROR' },
  { name: 'qty 0', body: line({ qty: 0 }), status: 400, code: 'VALIDATION_ERROR', field: 'body.qty' },
  {
    name: 'qty negative',
    body: line({ qty: -100 }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.qty',
  },
  {
    name: 'qty fractional',
    body: line({ qty: 100.5 }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.qty',
  },
  { name: 'qty 10^20', body: line({ qty: 1e20 }), status: 400, code: 'VALIDATION_ERROR', field: 'body.qty' },
  { name: 'qty below min', body: line({ qty: 9 }), status: 422, code: 'QUANTITY_OUT_OF_RANGE' },
  { name: 'qty above max', body: line({ qty: 10001 }), status: 422, code: 'QUANTITY_OUT_OF_RANGE' },
  {
    name: 'package qty ≠ 1',
    body: line({ serviceId: cat.pkg, qty: 5 }),
    status: 422,
    code: 'QUANTITY_OUT_OF_RANGE',
  },
  {
    name: 'ftp link',
    body: line({ link: 'ftp://example.com/x' }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.link',
  },
  {
    name: 'javascript: link',
    body: line({ link: 'javascript:alert(1)' }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.link',
  },
  {
    name: 'not a URL',
    body: line({ link: 'instagram.com/someone' }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.link',
  },
  { name: 'empty link', body: line({ link: '' }), status: 400, code: 'VALIDATION_ERROR', field: 'body.link' },
  {
    name: '10,000-char link',
    body: line({ link: `https://example.com/${'a'.repeat(10_000)}` }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.link',
  },
  {
    name: 'unknown field price',
    body: line({ price: '0.01' }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.price',
  },
  {
    name: 'unknown field status',
    body: line({ status: 'completed' }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.status',
  },
  {
    name: 'unknown field balance',
    body: line({ balance: '1e9' }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.balance',
  },
  {
    name: 'unknown field userId',
    body: line({ userId: 'usr_x' }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.userId',
  },
  {
    name: 'unknown field inside a mass line',
    body: { orders: [good, line({ price: '0' })] },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.orders.1.price',
  },
  {
    name: 'malformed service id',
    body: line({ serviceId: '12' }),
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.serviceId',
  },
  {
    name: 'unknown service id',
    body: line({ serviceId: unknownId.svc }),
    status: 422,
    code: 'SERVICE_NOT_FOUND',
  },
  {
    name: 'unknown category id',
    body: line({ categoryId: unknownId.cat }),
    status: 422,
    code: 'SERVICE_NOT_IN_CATEGORY',
  },
  {
    name: 'inactive service',
    body: line({ serviceId: cat.inactive }),
    status: 422,
    code: 'SERVICE_INACTIVE',
  },
  {
    name: 'active service in an inactive category',
    body: line({ categoryId: cat.catInactive, serviceId: cat.inInactiveCat }),
    status: 422,
    code: 'SERVICE_INACTIVE',
  },
  {
    name: 'service not in that category',
    body: line({ categoryId: cat.catB }),
    status: 422,
    code: 'SERVICE_NOT_IN_CATEGORY',
  },
  {
    name: 'empty mass order',
    body: { orders: [] },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.orders',
  },
  {
    name: '101 mass-order lines',
    body: { orders: Array.from({ length: 101 }, () => good) },
    status: 400,
    code: 'VALIDATION_ERROR',
    field: 'body.orders',
  },
  {
    name: 'mass order with one bad line',
    body: { orders: [good, good, line({ serviceId: cat.inactive })] },
    status: 422,
    code: 'SERVICE_INACTIVE',
  },
  {
    name: 'malformed JSON',
    body: undefined,
    raw: '{"categoryId": "cat_',
    status: 400,
    code: 'MALFORMED_JSON',
  },
  { name: 'empty JSON body', body: undefined, raw: '', status: 400, code: 'MALFORMED_JSON' },
  {
    name: 'a 1 MB body',
    body: undefined,
    raw: JSON.stringify({ ...good, link: `https://example.com/${'a'.repeat(1024 * 1024)}` }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
];

describe('POST /api/user/create-orders refuses bad input and changes nothing', () => {
  it.each(cases)('$name → $status $code', async (c) => {
    const before = await counts(t.sql, userId);
    const res = await app.inject({
      method: 'POST',
      url: '/api/user/create-orders',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: c.raw ?? JSON.stringify(c.body),
    });
    expect(res.statusCode).toBe(c.status);
    const body = res.json();
    expect(body.success).toBe(false);
    expect(body.error.code).toBe(c.code);
    expect(typeof body.error.message).toBe('string');
    if (c.field) {
      const fields = (body.error.details as Array<{ field: string }>).map((d) => d.field);
      expect(fields).toContain(c.field);
    }
    expect(await counts(t.sql, userId)).toEqual(before);
  });

  it('a wrong content type is refused with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/user/create-orders',
      headers: { ...bearer(token), 'content-type': 'application/xml' },
      payload: '<order/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('the good order of the table is itself accepted (the table tests the rules, not a broken setup)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/user/create-orders',
      headers: bearer(token),
      payload: good,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      success: true,
      ordersCreated: 1,
      totalCost: '10.000000',
      currency: 'BDT',
    });
  });

  it('a 100-line mass order with 2,048-character links fits the body limit', async () => {
    const longLink = `https://example.com/${'a'.repeat(2048 - 'https://example.com/'.length)}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/user/create-orders',
      headers: bearer(token),
      payload: { orders: Array.from({ length: 100 }, () => line({ link: longLink })) },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().ordersCreated).toBe(100);
  });
});
