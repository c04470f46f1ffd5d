import { importProviderServices } from '@smm/db';
import { newId } from '@smm/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODE } from '../../../errors.ts';
import { adminProviderClient, loadProviderSecrets } from '../../../services/providers.ts';
import { importServicesSchema } from './schemas.ts';

export const providerImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;

  app.post('/providers/:id/import-services', { schema: importServicesSchema }, async (req) => {
    const { markupPercent, categoryId } = req.body;
    const secrets = await loadProviderSecrets(app, req.params.id);
    if (categoryId) {
      const [cat] = await sql`select 1 from categories where id = ${categoryId}`;
      if (!cat) throw new AppError(422, ERROR_CODE.businessRule, 'no such category');
    }
    const { client, failure } = adminProviderClient(app, secrets);
    let listed: Awaited<ReturnType<typeof client.services>>;
    try {
      listed = await client.services();
    } catch (err) {
      const e = failure(err);
      req.log.warn({ providerId: secrets.id, err: e }, 'provider services call failed');
      throw e;
    }
    if (listed.services.length === 0 && listed.skipped > 0) {
      // Nothing readable: importing would disable every service we have from this provider.
      throw new AppError(502, ERROR_CODE.providerError, 'the provider listed no service that could be read', {
        skipped: listed.skipped,
      });
    }
    const result = await importProviderServices(sql, listed.services, {
      providerId: secrets.id,
      markupPercent,
      categoryId: categoryId ?? null,
    });
    await sql`insert into activity_log (id, actor_id, provider_id, action, message)
              values (${newId('activity')}, ${req.user.id}, ${secrets.id}, 'provider.services_imported',
                      ${`markup ${markupPercent}%: ${result.created} created, ${result.updated} updated, ${result.disabled} disabled, ${listed.skipped} skipped`})`;
    return { success: true as const, ...result, skipped: listed.skipped };
  });
};
