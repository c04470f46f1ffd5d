import { ACTIVITY, importBlockReason, importProviderServices, recordActivity } from '@smm/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODE } from '../../../errors.ts';
import { adminProviderClient, loadProviderSecrets } from '../../../use-cases/providers.ts';
import { importServicesSchema } from './schemas.ts';

export const providerImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sql } = app.deps.db;

  app.post('/providers/:id/import-services', { schema: importServicesSchema }, async (req) => {
    const { markupPercent, categoryId } = req.body;
    const secrets = await loadProviderSecrets(app, req.params.id);
    if (categoryId) {
      if (!(await app.repos.categories.exists(categoryId)))
        throw new AppError(422, ERROR_CODE.businessRule, 'no such category');
    }
    const { client, failure } = adminProviderClient(app, secrets);

    // Rates are in the provider's balance currency: ask for it now rather than trust an old check.
    let currency: string;
    try {
      currency = (await client.balance()).currency.toUpperCase();
    } catch (err) {
      const e = failure(err);
      req.log.warn({ providerId: secrets.id, err: e }, 'provider balance call before import failed');
      throw e;
    }
    const storedRate = await app.repos.providers.setBillingCurrency(secrets.id, currency);
    const rateToUsd = currency === 'USD' ? '1' : storedRate;
    if (rateToUsd === null) {
      throw new AppError(
        422,
        ERROR_CODE.businessRule,
        `the provider bills in ${currency}: set its rate to USD (rateToUsd) before importing, or its rates would be read as dollars`,
        { currency },
      );
    }

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
        skippedEntries: listed.skippedEntries,
      });
    }
    const result = await importProviderServices(sql, listed.services, {
      providerId: secrets.id,
      markupPercent,
      categoryId: categoryId ?? null,
      rateToUsd,
    });
    const unsupported = listed.services.flatMap((s) => {
      const reason = importBlockReason(s);
      return reason === null ? [] : [{ service: s.service, name: s.name, type: s.type, reason }];
    });
    await recordActivity(sql, {
      action: ACTIVITY.providerServicesImported,
      actorId: req.user.id,
      providerId: secrets.id,
      message: `markup ${markupPercent}% (${currency}): ${result.created} created, ${result.updated} updated, ${result.disabled} disabled, ${unsupported.length} of an unsupported type (inactive), ${listed.skipped} skipped`,
    });
    return {
      success: true as const,
      ...result,
      currency,
      unsupported,
      skipped: listed.skipped,
      skippedEntries: listed.skippedEntries,
    };
  });
};
