import { ACTIVITY, recordActivity } from '@smm/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../../errors.ts';
import { adminProviderClient, loadProviderSecrets } from '../../../use-cases/providers.ts';
import { checkProviderSchema } from './schemas.ts';
import { toView } from './view.ts';

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
    await app.repos.providers.markAnswered(secrets.id, balance.balance, balance.currency);
    await recordActivity(sql, {
      action: ACTIVITY.providerChecked,
      actorId: req.user.id,
      providerId: secrets.id,
      message: `balance ${balance.balance} ${balance.currency ?? ''}`.trim(),
    });
    const row = await app.repos.providers.find(secrets.id);
    if (!row) throw notFound('provider');
    const provider = toView(app.deps.secretBox, row);
    return {
      success: true as const,
      balance: provider.lastBalance ?? balance.balance,
      currency: balance.currency,
      provider,
    };
  });
};
