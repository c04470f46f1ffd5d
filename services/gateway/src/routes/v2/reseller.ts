import type { Currency } from '@smm/domain';
import type { UsersRepository } from '../../repositories/users.ts';
import { hashApiKey } from '../../use-cases/users.ts';
import { V2_ERROR, V2Error } from './params.ts';

export interface Reseller {
  id: string;
  currency: Currency;
  dollarRate: string;
  balance: string;
}

/** The key's owner, looked up by the key's sha256 (only the hash is stored). */
export async function findReseller(users: UsersRepository, key: string | undefined): Promise<Reseller> {
  if (!key) throw new V2Error(V2_ERROR.apiKey);
  const row = await users.findByApiKeyHash(hashApiKey(key));
  if (!row) throw new V2Error(V2_ERROR.apiKey);
  if (row.status !== 'active') throw new V2Error(V2_ERROR.suspended);
  return { id: row.id, currency: row.currency, dollarRate: row.dollarRate, balance: row.balance };
}
