import { Fragment, type ReactNode } from 'react';
import { type MessageKey, t } from '../lib/i18n.ts';

/**
 * A catalog message whose `{name}` places hold elements — an amount, a link, an order number, data
 * marked `translate="no"` — where each language puts them (`{orders} placed: {amount} charged.`).
 */
export function Say({ k, parts }: { k: MessageKey; parts: Record<string, ReactNode> }) {
  // Unfilled, `t` leaves each `{name}` as it is: the split's odd pieces are the names.
  const pieces = t(k).split(/\{(\w+)\}/g);
  return (
    <>
      {pieces.map((piece, i) =>
        // The pieces never move: their index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        i % 2 === 1 ? <Fragment key={i}>{piece in parts ? parts[piece] : `{${piece}}`}</Fragment> : piece,
      )}
    </>
  );
}
