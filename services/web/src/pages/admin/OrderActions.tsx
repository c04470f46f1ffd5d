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
import { OrderHistory } from './OrderHistory.tsx';

const FORWARDABLE = new Set(['pending', 'needs_review']);
const CANCELABLE = new Set(['pending', 'needs_review', 'processing', 'in_progress']);
const LIVE = new Set(['processing', 'in_progress']);
const SETTLEABLE = new Set(['pending', 'needs_review']);
/** Where an admin fulfilling by hand can move an order, and from where. */
const FULFILLABLE = new Set(['pending', 'processing', 'in_progress']);
const FULFIL_TARGETS = [
  ['processing', 'Processing'],
  ['in_progress', 'In progress'],
  ['completed', 'Completed'],
  ['partial', 'Partial'],
] as const;
type FulfilTarget = (typeof FULFIL_TARGETS)[number][0];

/** A count typed by an admin: digits only, or nothing. */
function countOf(text: string): number | undefined | null {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d{1,15}$/.test(t) ? Number(t) : null;
}

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
  const [target, setTarget] = useState<FulfilTarget>('completed');
  const [startText, setStartText] = useState(o.startCount === null ? '' : String(o.startCount));
  const [remainsText, setRemainsText] = useState('');
  const [history, setHistory] = useState(false);
  const { busy, error, run } = useAction();
  // By hand only while no provider has it: an order at a provider is the status sync's to move.
  const manual = (o.isManual || o.serviceMode === 'manual') && !o.providerOrderId;
  const startCount = countOf(startText);
  const remains = countOf(remainsText);
  const fulfilProblem =
    startCount === null
      ? 'Start count is a whole number.'
      : remains === null
        ? 'Remains is a whole number.'
        : target === 'partial' && remains === undefined
          ? 'Partial needs what remains undelivered.'
          : target === 'partial' && remains !== undefined && remains >= o.units
            ? `Remains must be less than the ordered units (${o.units}); nothing delivered is a cancel.`
            : null;

  const fulfil = () =>
    run(async () => {
      const label = FULFIL_TARGETS.find(([v]) => v === target)?.[1] ?? target;
      if (
        (target === 'completed' || target === 'partial') &&
        !window.confirm(
          `Mark order ${formatPublicNumber(o.number)} ${label}${target === 'partial' ? ` with ${remains} remaining (refunded to the customer)` : ''}?`,
        )
      )
        return;
      const body: Record<string, unknown> = { status: target };
      if (startCount !== undefined) body.startCount = startCount;
      if (target === 'partial' || (target !== 'completed' && remains !== undefined)) body.remains = remains;
      const r = await api<{ order: AdminOrder; refunded: string | null }>(
        'PATCH',
        `/api/admin/orders/${o.id}`,
        body,
      );
      onChanged(
        r.order,
        `Marked ${label}${r.refunded && !/^0(\.0+)?$/.test(r.refunded) ? `, refunded ${formatMoney(r.refunded, o.currency)}` : ''}.`,
      );
    });

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
      {manual && FULFILLABLE.has(o.status) && (
        <fieldset className="inline fulfil" data-testid="fulfil">
          <legend className="small">Fulfilled by hand</legend>
          <select
            aria-label="new status"
            value={target}
            onChange={(e) => setTarget(e.target.value as FulfilTarget)}
          >
            {FULFIL_TARGETS.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
          <input
            aria-label="start count"
            placeholder="start count"
            inputMode="numeric"
            value={startText}
            onChange={(e) => setStartText(e.target.value)}
          />
          {target !== 'completed' && (
            <input
              aria-label="remains"
              placeholder="remains"
              inputMode="numeric"
              value={remainsText}
              onChange={(e) => setRemainsText(e.target.value)}
            />
          )}
          <button type="button" disabled={busy || fulfilProblem !== null} onClick={fulfil}>
            Mark
          </button>
          {fulfilProblem && (startText || remainsText || target === 'partial') && (
            <span className="small error-text" role="alert">
              {fulfilProblem}
            </span>
          )}
        </fieldset>
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
      <button type="button" className="link" aria-expanded={history} onClick={() => setHistory((h) => !h)}>
        {history ? 'hide history' : 'history'}
      </button>
      <button type="button" className="link" onClick={onClose}>
        close
      </button>
      {history && <OrderHistory orderId={o.id} version={o.updatedAt} />}
    </div>
  );
}
