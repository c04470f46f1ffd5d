import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { AdminOrderDetail } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Money } from '../../components/Money.tsx';
import { formatDateTime, transactionKindLabel } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';

/** An order's activity and ledger rows, oldest first, as the admin reads them when settling it. */
export function OrderHistory({ orderId, version }: { orderId: string; version: string }) {
  const [detail, setDetail] = useState<AdminOrderDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  // `version` (the order's updatedAt) re-reads the history after an action changed the order.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload signal
  useEffect(() => {
    let live = true;
    api<AdminOrderDetail>('GET', `/api/admin/orders/${orderId}`).then(
      (d) => live && setDetail(d),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [orderId, version]);

  if (error) return <ErrorNote error={error} />;
  if (!detail) return <p className="muted small">{t('admin.history.loading')}</p>;
  return (
    <div className="order-history" data-testid="order-history">
      <h3>{t('admin.history.activity')}</h3>
      <ol className="timeline">
        {detail.activity.map((a) => (
          <li key={a.id} data-action={a.action}>
            {/* The panel's own log line, as it was written: kept as it is (translate="no"). */}
            <time className="muted small">{formatDateTime(a.createdAt)}</time> <code>{a.action}</code>{' '}
            <span translate="no">{a.message}</span>
          </li>
        ))}
      </ol>
      {detail.ledger.length > 0 && (
        <>
          <h3>{t('admin.history.money')}</h3>
          <ul className="timeline">
            {detail.ledger.map((l) => (
              <li key={l.id} data-kind={l.kind}>
                <time className="muted small">{formatDateTime(l.createdAt)}</time>{' '}
                {transactionKindLabel(l.kind)}{' '}
                <span translate="no">
                  <Money amount={l.amount} currency={l.currency} />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
