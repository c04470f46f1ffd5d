import { ACTIVITY, recordActivity } from '@smm/db';
import { newId } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../../errors.ts';
import type { ProviderFields } from '../../../repositories/providers.ts';
import { assertProviderUrl } from '../../../use-cases/providers.ts';
import {
  createProviderSchema,
  deleteProviderSchema,
  getProviderSchema,
  listProvidersSchema,
  updateProviderSchema,
} from './schemas.ts';
import { toView } from './view.ts';

/** Providers CRUD. apiKey/loginPass are write-only: encrypted here, never echoed, never logged. */
export const providerCrudRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, secretBox: box, config } = app.deps;
  const { sql } = db;
  const { providers } = app.repos;

  const view = async (id: string) => {
    const p = await providers.find(id);
    if (!p) throw notFound('provider');
    return toView(box, p);
  };

  app.get('/providers', { schema: listProvidersSchema }, async (req) => ({
    success: true as const,
    providers: (await providers.list(req.query)).map((p) => toView(box, p)),
  }));

  app.get('/providers/:id', { schema: getProviderSchema }, async (req) => ({
    success: true as const,
    provider: await view(req.params.id),
  }));

  app.post('/providers', { schema: createProviderSchema }, async (req, reply) => {
    const b = req.body;
    assertProviderUrl(b.apiUrl, config.allowInsecureProviderUrls);
    const id = newId('provider');
    await providers.insert(id, {
      name: b.name,
      apiUrl: b.apiUrl,
      apiKeyEnc: box.encrypt(b.apiKey),
      loginUser: b.loginUser ?? null,
      loginPassEnc: b.loginPass ? box.encrypt(b.loginPass) : null,
      status: b.status ?? 'active',
      isCustom: b.isCustom ?? false,
      maxConcurrency: b.maxConcurrency ?? 10,
      rateToUsd: b.rateToUsd ?? null,
    });
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
    const set: Partial<ProviderFields> = {};
    if (b.name !== undefined) set.name = b.name;
    if (b.apiUrl !== undefined) set.apiUrl = b.apiUrl;
    if (b.apiKey !== undefined) set.apiKeyEnc = box.encrypt(b.apiKey);
    if (b.loginUser !== undefined) set.loginUser = b.loginUser;
    if (b.loginPass !== undefined) set.loginPassEnc = b.loginPass === null ? null : box.encrypt(b.loginPass);
    if (b.status !== undefined) set.status = b.status;
    if (b.isCustom !== undefined) set.isCustom = b.isCustom;
    if (b.maxConcurrency !== undefined) set.maxConcurrency = b.maxConcurrency;
    if (b.rateToUsd !== undefined) set.rateToUsd = b.rateToUsd;
    if (!(await providers.update(req.params.id, set))) throw notFound('provider');
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
    const outcome = await providers.deleteOrRetire(id, req.user.id);
    if (!outcome) throw notFound('provider');
    return {
      success: true as const,
      deleted: outcome === 'deleted',
      provider: outcome === 'deleted' ? null : await view(id),
    };
  });
};
