import type { V2Action } from '../context.ts';

export const balanceAction: V2Action = async ({ reseller }) => ({
  balance: reseller.balance,
  currency: reseller.currency,
});
