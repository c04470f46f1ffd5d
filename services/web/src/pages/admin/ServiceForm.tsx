import { compareMoney } from '@smm/domain/browser';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { AdminCategory, AdminService, ServicePatch } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { t } from '../../lib/i18n.ts';
import { formatRate, parseAmount, plainAmount } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { useAdminProblems } from './problems.ts';
import { said } from './words.tsx';

interface Props {
  service: AdminService;
  categories: AdminCategory[];
  /** `markup`: the service was priced at this markup on its provider's rate (the reply holds the rates). */
  onSaved(s: AdminService, changed: boolean, markup?: string): void;
  onCancel(): void;
}

// The form always sends the markup as typed (a decimal string); the API also takes a number.
type Body = ServicePatch & { markupPercent?: string };

const SERVICE_FIELDS = [
  'name',
  'categoryId',
  'rate',
  'rateUSD',
  'minOrder',
  'maxOrder',
  'mode',
  'status',
  'description',
  'markupPercent',
] as const;
type ServiceField = (typeof SERVICE_FIELDS)[number];

/** Same decimal, whatever its writing ("80" and "80.000000"); empty is no price. */
function sameRate(typed: string, stored: string | null): boolean {
  const t = typed.trim();
  if (t === '' || stored === null) return t === '' && stored === null;
  const a = parseAmount(t);
  const b = parseAmount(stored);
  return a !== null && b !== null && compareMoney(a, b) === 0;
}

/** A whole number as typed, or the text itself for the server to name the field. */
const whole = (v: string): number => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : (v.trim() as never));

/**
 * Edit one service: price (a rate, or a markup on the provider's rate that the server prices, as
 * imports do), limits, mode, status, flags and description. Only what changed is sent (PATCH takes
 * any subset); the next order is priced from what the server stored.
 */
export function ServiceForm({ service: s, categories, onSaved, onCancel }: Props) {
  const [name, setName] = useState(s.name);
  const [categoryId, setCategoryId] = useState(s.categoryId);
  const [rate, setRate] = useState(s.rate === null ? '' : plainAmount(s.rate));
  const [rateUSD, setRateUSD] = useState(s.rateUSD === null ? '' : plainAmount(s.rateUSD));
  const [minOrder, setMinOrder] = useState(String(s.minOrder));
  const [maxOrder, setMaxOrder] = useState(String(s.maxOrder));
  const [mode, setMode] = useState(s.mode);
  const [status, setStatus] = useState(s.status);
  const [refill, setRefill] = useState(s.refill);
  const [cancel, setCancel] = useState(s.cancel);
  const [dripfeed, setDripfeed] = useState(s.dripfeed);
  const [description, setDescription] = useState(s.description ?? '');
  const [markup, setMarkup] = useState('');
  const { busy, error, setError, run } = useAction();
  // A markup and a rate typed together: said on the markup, nothing sent.
  const [both, setBoth] = useState(false);
  const words = useMemo(
    () => ({
      texts: { markupPercent: t('admin.svc.field.markup') } as Partial<Record<ServiceField, string>>,
      rules: { status: t('admin.svc.rule.status') } as Partial<Record<ServiceField, string>>,
    }),
    [],
  );
  const problems = useAdminProblems(error, SERVICE_FIELDS, words);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  // A message is about what was sent: once the admin edits its field, it no longer applies there.
  const edit =
    <T,>(set: (v: T) => void, field?: ServiceField) =>
    (v: T) => {
      set(v);
      if (field) problems.changed(field);
      if (field === 'markupPercent' || field === 'rate' || field === 'rateUSD') setBoth(false);
    };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const price = (v: string) => (v.trim() === '' ? null : (parseAmount(v) ?? v.trim()));
    const patch: Body = {};
    if (name.trim() !== s.name) patch.name = name.trim();
    if (categoryId !== s.categoryId) patch.categoryId = categoryId;
    const marked = markup.trim();
    const rateChanged = !sameRate(rate, s.rate) || !sameRate(rateUSD, s.rateUSD);
    if (marked !== '' && rateChanged) {
      setError(null);
      setBoth(true);
      return;
    }
    if (marked !== '') patch.markupPercent = marked;
    if (!sameRate(rate, s.rate)) patch.rate = price(rate);
    if (!sameRate(rateUSD, s.rateUSD)) patch.rateUSD = price(rateUSD);
    if (minOrder.trim() !== String(s.minOrder)) patch.minOrder = whole(minOrder);
    if (maxOrder.trim() !== String(s.maxOrder)) patch.maxOrder = whole(maxOrder);
    if (mode !== s.mode) patch.mode = mode;
    if (status !== s.status) patch.status = status;
    if (refill !== s.refill) patch.refill = refill;
    if (cancel !== s.cancel) patch.cancel = cancel;
    if (dripfeed !== s.dripfeed) patch.dripfeed = dripfeed;
    if (description.trim() !== (s.description ?? '').trim()) patch.description = description.trim() || null;
    if (Object.keys(patch).length === 0) {
      onSaved(s, false);
      return;
    }
    const r = await run(() => api<{ service: AdminService }>('PATCH', `/api/admin/services/${s.id}`, patch));
    if (r) onSaved(r.service, true, patch.markupPercent);
  }

  const err = (f: ServiceField) =>
    f === 'markupPercent' && both ? t('admin.svc.markupOrRate') : problems.fields[f];
  return (
    <form ref={form} className="form boxed" onSubmit={submit} noValidate data-testid="service-form">
      <h2>{said('admin.svc.editTitle', { name: s.name })}</h2>
      <Field label={t('admin.svc.name')} error={err('name')}>
        <input name="name" value={name} onChange={(e) => edit(setName, 'name')(e.target.value)} />
      </Field>
      <div className="two">
        <Field label={t('admin.svc.category')} error={err('categoryId')}>
          <select
            name="categoryId"
            value={categoryId}
            onChange={(e) => edit(setCategoryId, 'categoryId')(e.target.value)}
          >
            {categories.map((c) => (
              <option key={c.id} value={c.id} translate="no">
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.svc.mode')} error={err('mode')}>
          <select
            name="mode"
            value={mode}
            onChange={(e) => edit(setMode, 'mode')(e.target.value as AdminService['mode'])}
          >
            <option value="auto">{t('admin.svc.modeAuto')}</option>
            <option value="manual">{t('admin.svc.modeManual')}</option>
          </select>
        </Field>
      </div>
      <div className="two">
        <Field label={t('admin.svc.rate')} hint={t('admin.svc.rateHint')} error={err('rate')}>
          <input
            name="rate"
            inputMode="decimal"
            value={rate}
            onChange={(e) => edit(setRate, 'rate')(e.target.value)}
          />
        </Field>
        <Field label={t('admin.svc.rateUSD')} hint={t('admin.svc.rateUSDHint')} error={err('rateUSD')}>
          <input
            name="rateUSD"
            inputMode="decimal"
            value={rateUSD}
            onChange={(e) => edit(setRateUSD, 'rateUSD')(e.target.value)}
          />
        </Field>
      </div>
      {s.providerRate !== null && (
        <>
          <p className="muted small" data-testid="provider-rate">
            {said('admin.svc.providerRate', { rate: formatRate(s.providerRate, 'USD') })}
          </p>
          <Field label={t('admin.svc.markup')} hint={t('admin.svc.markupHint')} error={err('markupPercent')}>
            <input
              name="markupPercent"
              inputMode="decimal"
              autoComplete="off"
              className="short"
              value={markup}
              onChange={(e) => edit(setMarkup, 'markupPercent')(e.target.value)}
            />
          </Field>
        </>
      )}
      <div className="two">
        <Field label={t('admin.svc.min')} error={err('minOrder')}>
          <input
            name="minOrder"
            inputMode="numeric"
            value={minOrder}
            onChange={(e) => edit(setMinOrder, 'minOrder')(e.target.value)}
          />
        </Field>
        <Field label={t('admin.svc.max')} error={err('maxOrder')}>
          <input
            name="maxOrder"
            inputMode="numeric"
            value={maxOrder}
            onChange={(e) => edit(setMaxOrder, 'maxOrder')(e.target.value)}
          />
        </Field>
      </div>
      <Field label={t('admin.svc.status')} error={err('status')}>
        <select
          name="status"
          value={status}
          onChange={(e) => edit(setStatus, 'status')(e.target.value as AdminService['status'])}
        >
          <option value="active">{t('admin.svc.statusActive')}</option>
          <option value="inactive">{t('admin.svc.statusInactive')}</option>
        </select>
      </Field>
      <div className="checks">
        <label>
          <input type="checkbox" checked={refill} onChange={(e) => edit(setRefill)(e.target.checked)} />{' '}
          {t('admin.svc.refill')}
        </label>
        <label>
          <input type="checkbox" checked={cancel} onChange={(e) => edit(setCancel)(e.target.checked)} />{' '}
          {t('admin.svc.cancel')}
        </label>
        <label>
          <input type="checkbox" checked={dripfeed} onChange={(e) => edit(setDripfeed)(e.target.checked)} />{' '}
          {t('admin.svc.dripfeed')}
        </label>
      </div>
      <Field label={t('admin.svc.description')} error={err('description')}>
        <textarea
          name="description"
          rows={3}
          value={description}
          onChange={(e) => edit(setDescription, 'description')(e.target.value)}
        />
      </Field>
      <ErrorNote error={error} text={problems.form} />
      <div className="inline">
        <button type="submit" disabled={busy}>
          {t('admin.save')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
