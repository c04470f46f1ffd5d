import { formatPublicNumber } from '@smm/domain/browser';
import { type ReactNode, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type {
  AdminCancelReply,
  AdminOrder,
  AdminProvider,
  ForwardReply,
  SyncResult,
} from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { type MessageKey, t } from '../../lib/i18n.ts';
import { formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { OrderHistory } from './OrderHistory.tsx';
import { useAdminProblems } from './problems.ts';
import { orderStatusWord, said } from './words.tsx';

const FORWARDABLE = new Set(['pending', 'needs_review']);
const CANCELABLE = new Set(['pending', 'needs_review', 'processing', 'in_progress']);
const LIVE = new Set(['processing', 'in_progress']);
const SETTLEABLE = new Set(['pending', 'needs_review']);
/** Where an admin fulfilling by hand can move an order, and from where. */
const FULFILLABLE = new Set(['pending', 'processing', 'in_progress']);
const FULFIL_TARGETS = ['processing', 'in_progress', 'completed', 'partial'] as const;
type FulfilTarget = (typeof FULFIL_TARGETS)[number];
/** The fields of the row's actions, as the API names them (forward, settle, fulfil, notes). */
const ACTION_FIELDS = [
  'providerId',
  'providerOrderId',
  'status',
  'startCount',
  'remains',
  'adminNotes',
] as const;
const PROVIDER_CANCEL: Record<string, MessageKey> = {
  not_at_provider: 'admin.act.providerCancel.not_at_provider',
  canceled: 'admin.act.providerCancel.canceled',
  refused: 'admin.act.providerCancel.refused',
  failed: 'admin.act.providerCancel.failed',
};

/** A count typed by an admin: digits only, or nothing. */
function countOf(text: string): number | undefined | null {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d{1,15}$/.test(t) ? Number(t) : null;
}

interface Props {
  order: AdminOrder;
  providers: AdminProvider[];
  onChanged(order: AdminOrder, message: ReactNode): void;
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
  // Read once: the page re-mounts when the language changes.
  const words = useMemo(
    () => ({
      texts: {
        providerId: t('admin.act.field.providerId'),
        providerOrderId: t('admin.act.field.providerOrderId'),
        status: t('admin.act.field.status'),
        startCount: t('admin.act.startWhole'),
        remains: t('admin.act.remainsWhole'),
      },
      overrides: {
        INVALID_TRANSITION: t('admin.act.invalidTransition'),
        PROVIDER_INACTIVE: t('admin.act.providerInactive'),
        NOT_FOUND: t('admin.act.notFound'),
      },
    }),
    [],
  );
  const problems = useAdminProblems(error, ACTION_FIELDS, words);
  const fieldError = (f: (typeof ACTION_FIELDS)[number]) =>
    problems.fields[f] ? (
      <span className="small error-text" role="alert">
        {problems.fields[f]}
      </span>
    ) : null;
  // By hand only while no provider has it: an order at a provider is the status sync's to move.
  const manual = (o.isManual || o.serviceMode === 'manual') && !o.providerOrderId;
  const startCount = countOf(startText);
  const remains = countOf(remainsText);
  const fulfilProblem =
    startCount === null
      ? t('admin.act.startWhole')
      : remains === null
        ? t('admin.act.remainsWhole')
        : target === 'partial' && remains === undefined
          ? t('admin.act.partialNeedsRemains')
          : target === 'partial' && remains !== undefined && remains >= o.units
            ? t('admin.act.remainsTooMany', { units: o.units })
            : null;

  const fulfil = () =>
    run(async () => {
      const label = orderStatusWord(target);
      const number = formatPublicNumber(o.number);
      if (
        (target === 'completed' || target === 'partial') &&
        !window.confirm(
          target === 'partial'
            ? t('admin.act.confirmPartial', { number, status: label, remains: remains ?? 0 })
            : t('admin.act.confirmMark', { number, status: label }),
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
        r.refunded && !/^0(\.0+)?$/.test(r.refunded)
          ? said(
              'admin.act.markedRefunded',
              { amount: formatMoney(r.refunded, o.currency) },
              { status: label },
            )
          : t('admin.act.marked', { status: label }),
      );
    });

  const reread = async () => (await api<{ order: AdminOrder }>('GET', `/api/admin/orders/${o.id}`)).order;

  const forward = () =>
    run(async () => {
      const r = await api<ForwardReply>('POST', '/api/admin/orders/forward-to-provider', {
        orderId: o.id,
        providerId,
      });
      const status = orderStatusWord(r.status);
      const msg = r.providerOrderId
        ? said('admin.act.forwarded', { id: r.providerOrderId }, { status })
        : 'error' in r && r.error
          ? said('admin.act.forwardError', { error: r.error }, { status })
          : t('admin.act.forwardWaiting', { status });
      onChanged(await reread(), msg);
    });

  const sync = () =>
    run(async () => {
      const r = await api<SyncResult>('POST', '/api/admin/orders/sync-status', { orderId: o.id });
      const errs = r.errors.map((e) => e.message).join('; ');
      const counts = { synced: r.syncedOrders, changed: r.changedOrders };
      const key: MessageKey = 'pending' in r ? 'admin.act.syncedRunning' : 'admin.act.synced';
      onChanged(
        await reread(),
        errs ? said(`${key}Errors` as MessageKey, { errors: errs }, counts) : t(key, counts),
      );
    });

  const cancel = () =>
    run(async () => {
      if (!window.confirm(t('admin.act.confirmCancel', { number: formatPublicNumber(o.number) }))) return;
      const r = await api<AdminCancelReply>('POST', `/api/admin/orders/${o.id}/cancel`, {});
      const provider = PROVIDER_CANCEL[r.providerCancel];
      onChanged(
        r.order,
        said(
          'admin.act.canceled',
          { amount: formatMoney(r.refunded, o.currency) },
          { provider: provider ? t(provider) : r.providerCancel },
        ),
      );
    });

  const patch = (body: Record<string, unknown>, message: ReactNode) =>
    run(async () => {
      const r = await api<{ order: AdminOrder }>('PATCH', `/api/admin/orders/${o.id}`, body);
      onChanged(r.order, message);
    });

  return (
    <div className="order-actions">
      {FORWARDABLE.has(o.status) && (
        <div className="inline">
          <select
            aria-label={t('admin.act.provider')}
            value={providerId}
            onChange={(e) => {
              setProviderId(e.target.value);
              problems.changed('providerId');
            }}
          >
            {active.map((p) => (
              <option key={p.id} value={p.id} translate="no">
                {p.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy || !providerId} onClick={forward}>
            {o.status === 'needs_review' ? t('admin.act.resend') : t('admin.act.forward')}
          </button>
          {fieldError('providerId')}
        </div>
      )}
      {LIVE.has(o.status) && o.providerOrderId && (
        <button type="button" disabled={busy} onClick={sync}>
          {t('admin.act.syncNow')}
        </button>
      )}
      {SETTLEABLE.has(o.status) && (
        <div className="inline">
          <input
            aria-label={t('admin.act.providerOrderId')}
            placeholder={t('admin.act.providerOrderId')}
            value={providerOrderId}
            onChange={(e) => {
              setProviderOrderId(e.target.value);
              problems.changed('providerOrderId');
            }}
          />
          <button
            type="button"
            disabled={busy || !providerOrderId.trim()}
            onClick={() => patch({ providerOrderId: providerOrderId.trim() }, t('admin.act.settled'))}
          >
            {t('admin.act.settle')}
          </button>
          {fieldError('providerOrderId')}
        </div>
      )}
      {manual && FULFILLABLE.has(o.status) && (
        <fieldset className="inline fulfil" data-testid="fulfil">
          <legend className="small">{t('admin.act.byHand')}</legend>
          <select
            aria-label={t('admin.act.newStatus')}
            value={target}
            onChange={(e) => {
              setTarget(e.target.value as FulfilTarget);
              problems.changed('status');
            }}
          >
            {FULFIL_TARGETS.map((v) => (
              <option key={v} value={v}>
                {orderStatusWord(v)}
              </option>
            ))}
          </select>
          <input
            aria-label={t('admin.act.startCount')}
            placeholder={t('admin.act.startCount')}
            inputMode="numeric"
            value={startText}
            onChange={(e) => {
              setStartText(e.target.value);
              problems.changed('startCount');
            }}
          />
          {target !== 'completed' && (
            <input
              aria-label={t('admin.act.remains')}
              placeholder={t('admin.act.remains')}
              inputMode="numeric"
              value={remainsText}
              onChange={(e) => {
                setRemainsText(e.target.value);
                problems.changed('remains');
              }}
            />
          )}
          <button type="button" disabled={busy || fulfilProblem !== null} onClick={fulfil}>
            {t('admin.act.mark')}
          </button>
          {fulfilProblem && (startText || remainsText || target === 'partial') ? (
            <span className="small error-text" role="alert">
              {fulfilProblem}
            </span>
          ) : (
            (fieldError('status') ?? fieldError('startCount') ?? fieldError('remains'))
          )}
        </fieldset>
      )}
      {CANCELABLE.has(o.status) && (
        <button type="button" className="danger" disabled={busy} onClick={cancel}>
          {t('admin.act.cancel')}
        </button>
      )}
      <div className="inline">
        <input
          aria-label={t('admin.act.notes')}
          placeholder={t('admin.act.notesHint')}
          value={notes}
          onChange={(e) => {
            setNotes(e.target.value);
            problems.changed('adminNotes');
          }}
        />
        <button
          type="button"
          disabled={busy}
          onClick={() => patch({ adminNotes: notes.trim() || null }, t('admin.act.notesSaved'))}
        >
          {t('admin.act.saveNotes')}
        </button>
        {fieldError('adminNotes')}
      </div>
      {busy && <span className="muted small">{t('admin.working')}</span>}
      <ErrorNote error={error} text={problems.form} />
      <button type="button" className="link" aria-expanded={history} onClick={() => setHistory((h) => !h)}>
        {history ? t('admin.act.hideHistory') : t('admin.act.history')}
      </button>
      <button type="button" className="link" onClick={onClose}>
        {t('admin.act.close')}
      </button>
      {history && <OrderHistory orderId={o.id} version={o.updatedAt} />}
    </div>
  );
}
