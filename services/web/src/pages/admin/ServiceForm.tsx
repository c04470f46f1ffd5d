import { compareMoney } from '@smm/domain/browser';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { AdminCategory, AdminService } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { problemsOf } from '../../lib/error-messages.ts';
import { parseAmount, plainAmount } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';

interface Props {
  service: AdminService;
  categories: AdminCategory[];
  onSaved(s: AdminService, changed: boolean): void;
  onCancel(): void;
}

type Body = Partial<{
  name: string;
  categoryId: string;
  rate: string | null;
  rateUSD: string | null;
  minOrder: number;
  maxOrder: number;
  mode: 'auto' | 'manual';
  status: 'active' | 'inactive';
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  description: string | null;
}>;

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
] as const;

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
 * Edit one service: price, limits, mode, status, flags and description. Only what changed is sent
 * (PATCH takes any subset); the next order is priced from what the server stored.
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
  const { busy, error, setError, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  // A message is about what was sent: once the admin edits again, it no longer applies.
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setError(null);
    };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const price = (v: string) => (v.trim() === '' ? null : (parseAmount(v) ?? v.trim()));
    const patch: Body = {};
    if (name.trim() !== s.name) patch.name = name.trim();
    if (categoryId !== s.categoryId) patch.categoryId = categoryId;
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
    if (r) onSaved(r.service, true);
  }

  const onField = problemsOf(error, SERVICE_FIELDS).fields;
  const err = (f: (typeof SERVICE_FIELDS)[number]) => onField[f];
  return (
    <form ref={form} className="form boxed" onSubmit={submit} noValidate data-testid="service-form">
      <h2>Edit {s.name}</h2>
      <Field label="Name" error={err('name')}>
        <input name="name" value={name} onChange={(e) => edit(setName)(e.target.value)} />
      </Field>
      <div className="two">
        <Field label="Category" error={err('categoryId')}>
          <select name="categoryId" value={categoryId} onChange={(e) => edit(setCategoryId)(e.target.value)}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Mode" error={err('mode')}>
          <select
            name="mode"
            value={mode}
            onChange={(e) => edit(setMode)(e.target.value as AdminService['mode'])}
          >
            <option value="auto">Auto (sent to the provider)</option>
            <option value="manual">Manual (fulfilled by hand)</option>
          </select>
        </Field>
      </div>
      <div className="two">
        <Field label="Rate, BDT per 1000" hint="empty: priced from the USD rate" error={err('rate')}>
          <input
            name="rate"
            inputMode="decimal"
            value={rate}
            onChange={(e) => edit(setRate)(e.target.value)}
          />
        </Field>
        <Field label="Rate, USD per 1000" hint="empty: priced from the BDT rate" error={err('rateUSD')}>
          <input
            name="rateUSD"
            inputMode="decimal"
            value={rateUSD}
            onChange={(e) => edit(setRateUSD)(e.target.value)}
          />
        </Field>
      </div>
      {s.providerRate !== null && (
        <p className="muted small">
          The provider charges {plainAmount(s.providerRate)} per 1000. A price set here is kept when services
          are imported again.
        </p>
      )}
      <div className="two">
        <Field label="Minimum" error={err('minOrder')}>
          <input
            name="minOrder"
            inputMode="numeric"
            value={minOrder}
            onChange={(e) => edit(setMinOrder)(e.target.value)}
          />
        </Field>
        <Field label="Maximum" error={err('maxOrder')}>
          <input
            name="maxOrder"
            inputMode="numeric"
            value={maxOrder}
            onChange={(e) => edit(setMaxOrder)(e.target.value)}
          />
        </Field>
      </div>
      <Field label="Status" error={err('status')}>
        <select
          name="status"
          value={status}
          onChange={(e) => edit(setStatus)(e.target.value as AdminService['status'])}
        >
          <option value="active">Active: customers can order it</option>
          <option value="inactive">Inactive: hidden from customers</option>
        </select>
      </Field>
      <div className="checks">
        <label>
          <input type="checkbox" checked={refill} onChange={(e) => edit(setRefill)(e.target.checked)} />{' '}
          Refill
        </label>
        <label>
          <input type="checkbox" checked={cancel} onChange={(e) => edit(setCancel)(e.target.checked)} />{' '}
          Cancel
        </label>
        <label>
          <input type="checkbox" checked={dripfeed} onChange={(e) => edit(setDripfeed)(e.target.checked)} />{' '}
          Drip-feed
        </label>
      </div>
      <Field label="Description" error={err('description')}>
        <textarea
          name="description"
          rows={3}
          value={description}
          onChange={(e) => edit(setDescription)(e.target.value)}
        />
      </Field>
      <ErrorNote error={error} fields={SERVICE_FIELDS} />
      <div className="inline">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
