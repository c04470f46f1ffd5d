import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type {
  AdminPaymentMethod,
  AdminPaymentMethodList,
  DeletePaymentMethodReply,
} from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Notice } from '../../components/Notice.tsx';
import { methodKindLabel } from '../../lib/format.ts';
import { feeText, formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { PaymentMethodForm } from './PaymentMethodForm.tsx';

/** In the order customers see them: sort order, then name. */
function sorted(list: AdminPaymentMethod[]): AdminPaymentMethod[] {
  return [...list].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
}

/** Payment methods: where customers send money. Deleting archives (past deposits keep their method). */
export function PaymentMethodsPage() {
  usePageTitle('Payment methods');
  const [methods, setMethods] = useState<AdminPaymentMethod[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [editing, setEditing] = useState<AdminPaymentMethod | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const reload = useCallback(async () => {
    try {
      const r = await api<AdminPaymentMethodList>('GET', '/api/admin/payment-methods');
      setMethods(sorted(r.items));
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  function saved(m: AdminPaymentMethod, changed: boolean) {
    const isNew = editing === 'new';
    setEditing(null);
    if (!changed) {
      setNotice(`${m.name}: nothing changed.`);
      return;
    }
    setNotice(isNew ? `${m.name} added.` : `${m.name} saved.`);
    setMethods((list) => sorted([...(list ?? []).filter((x) => x.id !== m.id), m]));
  }

  const remove = (m: AdminPaymentMethod) =>
    run(async () => {
      if (
        !window.confirm(
          `Delete ${m.name}? Customers no longer see it; it is archived, so the deposits made through it keep their history.`,
        )
      )
        return;
      const r = await api<DeletePaymentMethodReply>('DELETE', `/api/admin/payment-methods/${m.id}`);
      setMethods((list) => list?.filter((x) => x.id !== m.id) ?? null);
      if (editing !== 'new' && editing?.id === m.id) setEditing(null);
      setNotice(
        `${m.name} deleted (archived).${r.pendingDeposits ? ' Deposits still waiting on it can still be approved or rejected.' : ''}`,
      );
    });

  const nextSortOrder = methods && methods.length > 0 ? Math.max(...methods.map((m) => m.sortOrder)) + 1 : 0;

  return (
    <section className="card wide">
      <div className="heading">
        <h1>Payment methods</h1>
        <button type="button" onClick={() => setEditing(editing === 'new' ? null : 'new')}>
          {editing === 'new' ? 'Close' : 'Add payment method'}
        </button>
      </div>
      {editing && (
        <PaymentMethodForm
          key={editing === 'new' ? 'new' : editing.id}
          method={editing === 'new' ? undefined : editing}
          nextSortOrder={nextSortOrder}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      <Notice>{notice}</Notice>
      <ErrorNote error={loadError ?? error} />
      {!methods && !loadError && <p className="muted">Loading…</p>}
      {methods?.length === 0 && <p className="muted">No payment methods yet: customers cannot add funds.</p>}
      {methods && methods.length > 0 && (
        <table className="rows" data-testid="payment-methods">
          <thead>
            <tr>
              <th>Order</th>
              <th>Name</th>
              <th>Kind</th>
              <th>Account</th>
              <th>Amount</th>
              <th>Fee</th>
              <th>Status</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {methods.map((m) => (
              <tr key={m.id} data-method-id={m.id}>
                <td data-label="Order">{m.sortOrder}</td>
                <td data-label="Name">
                  <strong>{m.name}</strong>
                  {m.instructions.trim() && (
                    <div className="muted small ellipsis" title={m.instructions}>
                      {m.instructions}
                    </div>
                  )}
                </td>
                <td data-label="Kind">
                  {methodKindLabel(m.kind)} <span className="tag">{m.currency}</span>
                </td>
                <td data-label="Account">
                  <code>{m.account}</code>
                </td>
                <td data-label="Amount" className="nowrap">
                  {formatMoney(m.minAmount)} – {formatMoney(m.maxAmount, m.currency)}
                </td>
                <td data-label="Fee">{feeText(m.feePercent) ?? 'none'}</td>
                <td data-label="Status">
                  <span className={`badge ${m.active ? 's-completed' : 's-canceled'}`}>
                    {m.active ? 'active' : 'inactive'}
                  </span>
                </td>
                <td data-label="" className="actions-cell">
                  <div className="actions">
                    <button type="button" disabled={busy} onClick={() => setEditing(m)}>
                      Edit
                    </button>
                    <button type="button" className="danger" disabled={busy} onClick={() => remove(m)}>
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
