import { ACTIVITY, recordActivity } from '@smm/db';
import { newId } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../../errors.ts';
import { assertProviderUrl } from '../../../use-cases/providers.ts';
import {
  createProviderSchema,
  deleteProviderSchema,
  getProviderSchema,
  listProvidersSchema,
  updateProviderSchema,
} from './schemas.ts';
import { listProviderViews, loadProviderView } from './view.ts';

/** Providers CRUD. apiKey/loginPass are write-only: encrypted here, never echoed, never logged. */
export const providerCrudRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, secretBox: box, config } = app.deps;
  const { sql } = db;

  const view = async (id: string) => {
    const p = await loadProviderView(sql, box, id);
    if (!p) throw notFound('provider');
    return p;
  };

  app.get('/providers', { schema: listProvidersSchema }, async (req) => ({
    success: true as const,
    providers: await listProviderViews(sql, box, req.query),
  }));

  app.get('/providers/:id', { schema: getProviderSchema }, async (req) => ({
    success: true as const,
    provider: await view(req.params.id),
  }));

  app.post('/providers', { schema: createProviderSchema }, async (req, reply) => {
    const b = req.body;
    assertProviderUrl(b.apiUrl, config.allowInsecureProviderUrls);
    const id = newId('provider');
    await sql`
      insert into api_providers (id, name, api_url, api_key_enc, login_user, login_pass_enc, status, is_custom,
                                 max_concurrency, rate_to_usd)
      values (${id}, ${b.name}, ${b.apiUrl}, ${box.encrypt(b.apiKey)}, ${b.loginUser ?? null},
              ${b.loginPass ? box.encrypt(b.loginPass) : null}, ${b.status ?? 'active'}, ${b.isCustom ?? false},
              ${b.maxConcurrency ?? 10}, ${b.rateToUsd ?? null})`;
    await recordActivity(sql, {
      action: ACTIVITY.providerCreated,
      actorId: req.user.id,
      providerId: id,
      message: `provider "${b.name}" added`,
    });
    req.log.info({ providerId: id }, 'provider created');
    return reply.code(201).send({ success: true as const, provider: await view(id) });
  });

  app.patch('/providers/:id', { schema: updateProviderSchema }, async (req) => {
    const b = req.body;
    if (b.apiUrl !== undefined) assertProviderUrl(b.apiUrl, config.allowInsecureProviderUrls);
    const set: Record<string, string | number | boolean | null> = {};
    if (b.name !== undefined) set.name = b.name;
    if (b.apiUrl !== undefined) set.api_url = b.apiUrl;
    if (b.apiKey !== undefined) set.api_key_enc = box.encrypt(b.apiKey);
    if (b.loginUser !== undefined) set.login_user = b.loginUser;
    if (b.loginPass !== undefined)
      set.login_pass_enc = b.loginPass === null ? null : box.encrypt(b.loginPass);
    if (b.status !== undefined) set.status = b.status;
    if (b.isCustom !== undefined) set.is_custom = b.isCustom;
    if (b.maxConcurrency !== undefined) set.max_concurrency = b.maxConcurrency;
    if (b.rateToUsd !== undefined) set.rate_to_usd = b.rateToUsd;
    const rows =
      await sql`update api_providers set ${sql(set)}, updated_at = now() where id = ${req.params.id} returning id`;
    if (rows.length === 0) throw notFound('provider');
    // Which fields changed is worth keeping; their values (secrets among them) are not.
    const changed = Object.keys(b).join(', ');
    await recordActivity(sql, {
      action: ACTIVITY.providerUpdated,
      actorId: req.user.id,
      providerId: req.params.id,
      message: `changed: ${changed}`,
    });
    req.log.info({ providerId: req.params.id, changed }, 'provider updated');
    return { success: true as const, provider: await view(req.params.id) };
  });

  app.delete('/providers/:id', { schema: deleteProviderSchema }, async (req) => {
    const id = req.params.id;
    const outcome = await sql.begin(async (tx) => {
      const [p] = await tx<{ used: boolean }[]>`
        select exists (select 1 from services where provider_id = p.id)
            or exists (select 1 from orders where provider_id = p.id) as used
        from api_providers p where p.id = ${id} for update`;
      if (!p) throw notFound('provider');
      // Orders and services keep pointing at it (history, refunds): such a provider is only retired.
      if (p.used) {
        await tx`update api_providers set status = 'inactive', updated_at = now() where id = ${id}`;
      } else {
        await tx`delete from api_providers where id = ${id}`;
      }
      await recordActivity(tx, {
        action: p.used ? ACTIVITY.providerDeactivated : ACTIVITY.providerDeleted,
        actorId: req.user.id,
        providerId: id,
      });
      return p.used ? 'deactivated' : 'deleted';
    });
    return {
      success: true as const,
      deleted: outcome === 'deleted',
      provider: outcome === 'deleted' ? null : await view(id),
    };
  });
};
