import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type {
  AdminPaymentMethod,
  AdminPaymentMethodList,
  DeletePaymentMethodReply,
} from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Notice } from '../../components/Notice.tsx';
import { methodKindLabel } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { feeText, formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { PaymentMethodForm } from './PaymentMethodForm.tsx';
import { said } from './words.tsx';

/** In the order customers see them: sort order, then name. */
function sorted(list: AdminPaymentMethod[]): AdminPaymentMethod[] {
  return [...list].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
}

/** Payment methods: where customers send money. Deleting archives (past deposits keep their method). */
export function PaymentMethodsPage() {
  usePageTitle(t('admin.pm.title'));
  const [methods, setMethods] = useState<AdminPaymentMethod[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [editing, setEditing] = useState<AdminPaymentMethod | 'new' | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
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
      setNotice(said('admin.unchanged', { name: m.name }));
      return;
    }
    setNotice(said(isNew ? 'admin.added' : 'admin.saved', { name: m.name }));
    setMethods((list) => sorted([...(list ?? []).filter((x) => x.id !== m.id), m]));
  }

  const remove = (m: AdminPaymentMethod) =>
    run(async () => {
      if (!window.confirm(t('admin.pm.confirmDelete', { name: m.name }))) return;
      const r = await api<DeletePaymentMethodReply>('DELETE', `/api/admin/payment-methods/${m.id}`);
      setMethods((list) => list?.filter((x) => x.id !== m.id) ?? null);
      if (editing !== 'new' && editing?.id === m.id) setEditing(null);
      setNotice(said(r.pendingDeposits ? 'admin.pm.deletedPending' : 'admin.pm.deleted', { name: m.name }));
    });

  const nextSortOrder = methods && methods.length > 0 ? Math.max(...methods.map((m) => m.sortOrder)) + 1 : 0;

  return (
    <section className="card wide">
      <div className="heading">
        <h1>{t('admin.pm.title')}</h1>
        <button type="button" onClick={() => setEditing(editing === 'new' ? null : 'new')}>
          {editing === 'new' ? t('admin.close') : t('admin.pm.add')}
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
      {!methods && !loadError && <p className="muted">{t('admin.loading')}</p>}
      {methods?.length === 0 && <p className="muted">{t('admin.pm.none')}</p>}
      {methods && methods.length > 0 && (
        <table className="rows" data-testid="payment-methods">
          <thead>
            <tr>
              <th>{t('admin.pm.col.order')}</th>
              <th>{t('admin.pm.col.name')}</th>
              <th>{t('admin.pm.col.kind')}</th>
              <th>{t('admin.pm.col.account')}</th>
              <th>{t('admin.pm.col.amount')}</th>
              <th>{t('admin.pm.col.fee')}</th>
              <th>{t('admin.pm.col.status')}</th>
              <th>
                <span className="sr-only">{t('admin.pm.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {methods.map((m) => (
              <tr key={m.id} data-method-id={m.id}>
                <td data-label={t('admin.pm.col.order')}>{m.sortOrder}</td>
                <td data-label={t('admin.pm.col.name')} translate="no">
                  <strong>{m.name}</strong>
                  {m.instructions.trim() && (
                    <div className="muted small ellipsis" title={m.instructions}>
                      {m.instructions}
                    </div>
                  )}
                </td>
                <td data-label={t('admin.pm.col.kind')}>
                  {methodKindLabel(m.kind)} <span className="tag">{m.currency}</span>
                </td>
                <td data-label={t('admin.pm.col.account')}>
                  <code>{m.account}</code>
                </td>
                <td data-label={t('admin.pm.col.amount')} className="nowrap" translate="no">
                  {formatMoney(m.minAmount)} – {formatMoney(m.maxAmount, m.currency)}
                </td>
                <td data-label={t('admin.pm.col.fee')}>{feeText(m.feePercent) ?? t('admin.pm.noFee')}</td>
                <td data-label={t('admin.pm.col.status')}>
                  <span className={`badge ${m.active ? 's-completed' : 's-canceled'}`}>
                    {m.active ? t('admin.activeLower') : t('admin.inactiveLower')}
                  </span>
                </td>
                <td data-label="" className="actions-cell">
                  <div className="actions">
                    <button type="button" disabled={busy} onClick={() => setEditing(m)}>
                      {t('admin.edit')}
                    </button>
                    <button type="button" className="danger" disabled={busy} onClick={() => remove(m)}>
                      {t('admin.delete')}
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
