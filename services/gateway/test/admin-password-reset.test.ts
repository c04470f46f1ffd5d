import { useTestDatabase } from '@smm/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/use-cases/users.ts';
import { bearer, seedUser, startGateway } from './harness.ts';

const t = await useTestDatabase();
const { sql } = t;
const { app } = await startGateway(t);
const adminId = await seedUser(sql, { role: 'admin' });
const admin = bearer(app.issueToken({ id: adminId, role: 'admin' }));

const login = (email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const reset = (id: string, payload: unknown, headers = admin) =>
  app.inject({ method: 'POST', url: `/api/admin/users/${id}/password`, headers, payload: payload as object });

describe('POST /api/admin/users/:id/password', () => {
  it('sets a new password: the old one stops working, the new one signs in, and activity says so without it', async () => {
    const u = await createUser(sql, {
      email: 'locked-out@example.com',
      password: 'old-password-1',
      name: 'Rahim',
    });
    expect((await login('locked-out@example.com', 'old-password-1')).statusCode).toBe(200);
    const res = await reset(u!.id, { password: 'new-password-2' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ success: true });
    expect((await login('locked-out@example.com', 'old-password-1')).statusCode).toBe(401);
    expect((await login('locked-out@example.com', 'new-password-2')).statusCode).toBe(200);
    const rows = await sql<{ message: string; actor_id: string }[]>`
      select message, actor_id from activity_log where user_id = ${u!.id} and action = 'user.updated'`;
    expect(rows).toEqual([{ message: 'password reset by an admin', actor_id: adminId }]);
    expect(JSON.stringify(rows)).not.toContain('new-password-2');
  });

  it('refuses a short password, an unknown user and a customer, and changes nothing', async () => {
    const u = await createUser(sql, { email: 'keeps@example.com', password: 'kept-password', name: 'Karim' });
    const short = await reset(u!.id, { password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('body.password');
    expect((await reset('usr_01kkkkkkkkkkkkkkkkkkkkkkkk', { password: 'long-enough-1' })).statusCode).toBe(
      404,
    );
    const customer = bearer(app.issueToken({ id: u!.id, role: 'user' }));
    expect((await reset(u!.id, { password: 'taken-over-1' }, customer)).statusCode).toBe(403);
    expect((await login('keeps@example.com', 'kept-password')).statusCode).toBe(200);
  });
});
