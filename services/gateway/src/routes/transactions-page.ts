import type { z } from 'zod';
import type { TransactionFilter, TransactionsRepository } from '../repositories/transactions.ts';
import { decodeCursor, keysetPage } from './cursor.ts';
import type { transactionsQuerySchema } from './funds-schemas.ts';

/** One page of a user's ledger, newest first: the customer's own page and the admin's view of it. */
export async function transactionsPage(
  transactions: TransactionsRepository,
  userId: string,
  q: z.infer<typeof transactionsQuerySchema>,
  audience: TransactionFilter['audience'],
) {
  const rows = await transactions.list({
    userId,
    kind: q.kind,
    from: q.from,
    to: q.to,
    after: q.cursor ? decodeCursor(q.cursor) : null,
    limit: q.limit + 1,
    audience,
  });
  return { success: true as const, ...keysetPage(rows, q.limit) };
}
