import { ACTIVITY, recordActivity } from '@smm/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../../errors.ts';
import { adminProviderClient, loadProviderSecrets } from '../../../use-cases/providers.ts';
import { checkProviderSchema } from './schemas.ts';
import { loadProviderView } from './view.ts';

export const providerCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;

  app.post('/providers/:id/check', { schema: checkProviderSchema }, async (req) => {
    const secrets = await loadProviderSecrets(app, req.params.id);
    const { client, failure } = adminProviderClient(app, secrets);
    let balance: { balance: string; currency: string | null };
    try {
      const b = await client.balance();
      balance = { balance: b.balance, currency: b.currency ?? null };
    } catch (err) {
      const e = failure(err);
      req.log.warn({ providerId: secrets.id, err: e }, 'provider check failed');
      await recordActivity(sql, {
        action: ACTIVITY.providerCheckFailed,
        actorId: req.user.id,
        providerId: secrets.id,
        message: e instanceof Error ? e.message : 'provider call failed',
      });
      throw e;
    }
    // A provider that answers is usable again: its flag and any sync backoff are lifted.
    await sql`
      update api_providers
      set last_balance = ${balance.balance}::numeric, last_balance_currency = ${balance.currency},
          last_balance_at = now(), flagged_at = null, flag_reason = null, sync_backoff_until = null,
          sync_failures = 0, ambiguous_streak = 0, breaker_open_until = null, updated_at = now()
      where id = ${secrets.id}`;
    await recordActivity(sql, {
      action: ACTIVITY.providerChecked,
      actorId: req.user.id,
      providerId: secrets.id,
      message: `balance ${balance.balance} ${balance.currency ?? ''}`.trim(),
    });
    const provider = await loadProviderView(sql, app.deps.secretBox, secrets.id);
    if (!provider) throw notFound('provider');
    return {
      success: true as const,
      balance: provider.lastBalance ?? balance.balance,
      currency: balance.currency,
      provider,
    };
  });
};
