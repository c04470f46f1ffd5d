import { formatPublicNumber } from '@smm/domain/browser';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type {
  AdminCancelReply,
  AdminOrder,
  AdminProvider,
  ForwardReply,
  SyncResult,
} from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';

const FORWARDABLE = new Set(['pending', 'needs_review']);
const CANCELABLE = new Set(['pending', 'needs_review', 'processing', 'in_progress']);
const LIVE = new Set(['processing', 'in_progress']);
const SETTLEABLE = new Set(['pending', 'needs_review']);

interface Props {
  order: AdminOrder;
  providers: AdminProvider[];
  onChanged(order: AdminOrder, message: string): void;
  onClose(): void;
}

/** The admin's row actions, each one API call; what is offered follows the order's status. */
export function OrderActions({ order: o, providers, onChanged, onClose }: Props) {
  const active = providers.filter((p) => p.status === 'active');
  const [providerId, setProviderId] = useState(o.providerId ?? active[0]?.id ?? '');
  const [providerOrderId, setProviderOrderId] = useState('');
  const [notes, setNotes] = useState(o.adminNotes ?? '');
  const { busy, error, run } = useAction();

  const reread = async () => (await api<{ order: AdminOrder }>('GET', `/api/admin/orders/${o.id}`)).order;

  const forward = () =>
    run(async () => {
      const r = await api<ForwardReply>('POST', '/api/admin/orders/forward-to-provider', {
        orderId: o.id,
        providerId,
      });
      const msg = r.providerOrderId
        ? `Forwarded: provider order #${r.providerOrderId} (${r.status}).`
        : `Forward: ${r.status}${'error' in r && r.error ? ` — ${r.error}` : ' (the worker has not answered yet)'}.`;
      onChanged(await reread(), msg);
    });

  const sync = () =>
    run(async () => {
      const r = await api<SyncResult>('POST', '/api/admin/orders/sync-status', { orderId: o.id });
      const errs = r.errors.map((e) => e.message).join('; ');
      onChanged(
        await reread(),
        `Synced ${r.syncedOrders}, changed ${r.changedOrders}${'pending' in r ? ' (still running)' : ''}${errs ? ` — ${errs}` : ''}.`,
      );
    });

  const cancel = () =>
    run(async () => {
      if (
        !window.confirm(`Cancel order ${formatPublicNumber(o.number)} and refund what was not refunded yet?`)
      )
        return;
      const r = await api<AdminCancelReply>('POST', `/api/admin/orders/${o.id}/cancel`, {});
      onChanged(
        r.order,
        `Canceled, refunded ${formatMoney(r.refunded, o.currency)} (provider: ${r.providerCancel}).`,
      );
    });

  const patch = (body: Record<string, unknown>, message: string) =>
    run(async () => {
      const r = await api<{ order: AdminOrder }>('PATCH', `/api/admin/orders/${o.id}`, body);
      onChanged(r.order, message);
    });

  return (
    <div className="order-actions">
      {FORWARDABLE.has(o.status) && (
        <div className="inline">
          <select aria-label="provider" value={providerId} onChange={(e) => setProviderId(e.target.value)}>
            {active.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy || !providerId} onClick={forward}>
            {o.status === 'needs_review' ? 'Re-send' : 'Forward'}
          </button>
        </div>
      )}
      {LIVE.has(o.status) && o.providerOrderId && (
        <button type="button" disabled={busy} onClick={sync}>
          Sync now
        </button>
      )}
      {SETTLEABLE.has(o.status) && (
        <div className="inline">
          <input
            aria-label="provider order id"
            placeholder="provider order id"
            value={providerOrderId}
            onChange={(e) => setProviderOrderId(e.target.value)}
          />
          <button
            type="button"
            disabled={busy || !providerOrderId.trim()}
            onClick={() =>
              patch({ providerOrderId: providerOrderId.trim() }, 'Settled: the next sweep checks it.')
            }
          >
            Settle
          </button>
        </div>
      )}
      {CANCELABLE.has(o.status) && (
        <button type="button" className="danger" disabled={busy} onClick={cancel}>
          Cancel &amp; refund
        </button>
      )}
      <div className="inline">
        <input
          aria-label="admin notes"
          placeholder="notes"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <button
          type="button"
          disabled={busy}
          onClick={() => patch({ adminNotes: notes.trim() || null }, 'Notes saved.')}
        >
          Save notes
        </button>
      </div>
      {busy && <span className="muted small">working…</span>}
      <ErrorNote error={error} />
      <button type="button" className="link" onClick={onClose}>
        close
      </button>
    </div>
  );
}
