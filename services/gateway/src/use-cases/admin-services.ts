import { priceAtMarkup } from '@smm/db';
import { newId, normalizeServiceType, unsupportedTypeReason } from '@smm/domain';
import { AppError, ERROR_CODE, notFound } from '../errors.ts';
import { isUniqueViolation } from '../repositories/columns.ts';
import type { Repositories } from '../repositories/index.ts';
import type { ServiceFields, ServiceRow } from '../repositories/services.ts';

const DISABLED_BY_ADMIN = 'disabled by an admin';

/** The editable fields as an admin sends them (all optional on a patch). */
export interface ServiceInput {
  name?: string | undefined;
  categoryId?: string | undefined;
  providerId?: string | null | undefined;
  providerServiceId?: string | null | undefined;
  type?: string | undefined;
  rate?: string | null | undefined;
  rateUSD?: string | null | undefined;
  providerRate?: string | null | undefined;
  minOrder?: number | undefined;
  maxOrder?: number | undefined;
  mode?: 'auto' | 'manual' | undefined;
  status?: 'active' | 'inactive' | undefined;
  refill?: boolean | undefined;
  cancel?: boolean | undefined;
  dripfeed?: boolean | undefined;
  description?: string | null | undefined;
  priceLocked?: boolean | undefined;
}

/** A patch may price the service as a markup on its provider's rate instead of a rate (never both). */
export interface ServicePatch extends ServiceInput {
  /** Our price = the provider's rate × (1 + markup / 100), as imports price it (priceAtMarkup). */
  markupPercent?: string | undefined;
}

type Editable = Omit<ServiceFields, 'providerName' | 'priceLocked' | 'disabledByAdmin' | 'statusReason'>;

/** The rules hold for the row as it will be stored, not just for the fields sent. */
function checkRules(s: Editable): void {
  const issues: Array<{ field: string; message: string }> = [];
  if (s.minOrder > s.maxOrder)
    issues.push({ field: 'body.minOrder', message: 'minOrder must be ≤ maxOrder' });
  if (s.rate === null && s.rateUSD === null) {
    issues.push({ field: 'body.rate', message: 'set rate (BDT) or rateUSD, or both' });
  }
  if (s.mode === 'auto' && (s.providerId === null || s.providerServiceId === null)) {
    issues.push({ field: 'body.mode', message: 'an auto service needs providerId and providerServiceId' });
  }
  if (issues.length > 0) {
    throw new AppError(400, ERROR_CODE.validation, issues[0]!.message, issues);
  }
  // Never sold, never sent as Default: a type whose parameters the panel cannot send stays off.
  const unsupported = unsupportedTypeReason(s.type);
  if (s.status === 'active' && unsupported !== null) {
    throw new AppError(422, ERROR_CODE.businessRule, unsupported, [
      { field: 'body.status', message: unsupported },
    ]);
  }
}

/** Category and provider must exist; the provider's name is copied for display. */
async function references(repos: Repositories, s: Editable): Promise<string | null> {
  if (!(await repos.categories.exists(s.categoryId))) {
    throw new AppError(422, ERROR_CODE.businessRule, 'no such category');
  }
  if (s.providerId === null) return null;
  const name = await repos.services.providerName(s.providerId);
  if (name === null) throw new AppError(422, ERROR_CODE.businessRule, 'no such provider');
  return name;
}

async function write(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(409, ERROR_CODE.conflict, 'this provider service id is already a service here');
    }
    throw err;
  }
}

export async function loadService(repos: Repositories, id: string): Promise<ServiceRow> {
  const row = await repos.services.find(id);
  if (!row) throw notFound('service');
  return row;
}

export async function createService(
  repos: Repositories,
  b: ServiceInput & Pick<Editable, 'name' | 'categoryId' | 'minOrder' | 'maxOrder' | 'mode'>,
): Promise<ServiceRow> {
  const s: Editable = {
    name: b.name,
    categoryId: b.categoryId,
    providerId: b.providerId ?? null,
    providerServiceId: b.providerServiceId ?? null,
    type: normalizeServiceType(b.type ?? 'Default'),
    rate: b.rate ?? null,
    rateUSD: b.rateUSD ?? null,
    providerRate: b.providerRate ?? null,
    minOrder: b.minOrder,
    maxOrder: b.maxOrder,
    mode: b.mode,
    status: b.status ?? 'active',
    refill: b.refill ?? false,
    cancel: b.cancel ?? false,
    dripfeed: b.dripfeed ?? false,
    description: b.description ?? null,
  };
  checkRules(s);
  const providerName = await references(repos, s);
  const id = newId('service');
  // A price typed in by hand is the admin's: imports leave it alone unless told otherwise.
  const priceLocked = b.priceLocked ?? (b.rate !== undefined || b.rateUSD !== undefined);
  const off = s.status === 'inactive';
  await write(() =>
    repos.services.insert(id, {
      ...s,
      providerName,
      priceLocked,
      disabledByAdmin: off,
      statusReason: off ? DISABLED_BY_ADMIN : null,
    }),
  );
  return loadService(repos, id);
}

/** Applies a patch; `onChanged` runs once the row is written (the intake forgets its cached copy). */
export async function patchService(
  repos: Repositories,
  id: string,
  patch: ServicePatch,
  onChanged: (id: string) => void,
): Promise<ServiceRow> {
  const current = await loadService(repos, id);
  const b = withMarkup(patch, current);
  const pick = <K extends keyof Editable>(k: K): Editable[K] =>
    b[k] === undefined ? current[k] : (b[k] as Editable[K]);
  const merged: Editable = {
    name: pick('name'),
    categoryId: pick('categoryId'),
    providerId: pick('providerId'),
    providerServiceId: pick('providerServiceId'),
    type: b.type === undefined ? current.type : normalizeServiceType(b.type),
    rate: pick('rate'),
    rateUSD: pick('rateUSD'),
    providerRate: pick('providerRate'),
    minOrder: pick('minOrder'),
    maxOrder: pick('maxOrder'),
    mode: pick('mode'),
    status: pick('status'),
    refill: pick('refill'),
    cancel: pick('cancel'),
    dripfeed: pick('dripfeed'),
    description: pick('description'),
  };
  checkRules(merged);
  const providerName = await references(repos, merged);
  const priceChanged =
    (b.rate !== undefined && b.rate !== current.rate) ||
    (b.rateUSD !== undefined && b.rateUSD !== current.rateUSD);
  const priceLocked = b.priceLocked ?? (priceChanged ? true : current.priceLocked);
  // Who turned it off matters to re-imports: an admin's "off" survives them, the provider's does not.
  const statusChanged = b.status !== undefined && b.status !== current.status;
  const disabledByAdmin = statusChanged ? merged.status === 'inactive' : current.disabledByAdmin;
  const statusReason = statusChanged
    ? merged.status === 'inactive'
      ? DISABLED_BY_ADMIN
      : null
    : current.statusReason;
  await write(() =>
    repos.services.update(id, { ...merged, providerName, priceLocked, disabledByAdmin, statusReason }),
  );
  onChanged(id);
  return loadService(repos, id);
}

/**
 * A markup becomes the rates it gives (`priceAtMarkup`, the import's rule), from the provider's rate
 * the service has; refused, naming the field, beside a rate or on a service with no provider rate.
 */
function withMarkup({ markupPercent, ...b }: ServicePatch, current: ServiceRow): ServiceInput {
  if (markupPercent === undefined) return b;
  const refused = (message: string) =>
    new AppError(400, ERROR_CODE.validation, message, [{ field: 'body.markupPercent', message }]);
  if (b.rate !== undefined || b.rateUSD !== undefined) {
    throw refused('send markupPercent or a rate (rate, rateUSD), not both');
  }
  const providerRate = b.providerRate === undefined ? current.providerRate : b.providerRate;
  if (providerRate === null) throw refused('this service has no provider rate to put a markup on');
  const price = priceAtMarkup(providerRate, markupPercent, { rate: current.rate, rateUSD: current.rateUSD });
  // The admin's price, like one typed in: re-imports leave it alone (unless the patch says otherwise).
  return { ...b, rateUSD: price.rateUSD, rate: price.rate, priceLocked: b.priceLocked ?? true };
}

/** Deletes an unused service; one that orders use is turned off instead (the admin's choice). */
export async function removeService(
  repos: Repositories,
  id: string,
  onChanged: (id: string) => void,
): Promise<{ deleted: boolean }> {
  const done = await repos.services.deleteOrDisable(id, DISABLED_BY_ADMIN);
  if (!done) throw notFound('service');
  onChanged(id);
  return done;
}
