import { compareMoney } from '@smm/domain/browser';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import {
  type AdminPaymentMethod,
  type AdminPaymentMethodReply,
  type Currency,
  PAYMENT_METHOD_KINDS,
  type PaymentMethodBody,
  type PaymentMethodKind,
} from '../../api/types.ts';
import { ErrorNote, fieldError } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { methodKindLabel } from '../../lib/format.ts';
import { parseAmount, plainAmount } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';

const CURRENCIES: readonly Currency[] = ['BDT', 'USD'];

interface Props {
  /** Editing this method; adding a new one without. */
  method?: AdminPaymentMethod;
  /** The next free place in the list, for a new method. */
  nextSortOrder?: number;
  onSaved(m: AdminPaymentMethod, changed: boolean): void;
  onCancel(): void;
}

/**
 * The server's word on one field: a VALIDATION_ERROR's list, or a rule's `details.field` (min above
 * max is a 422 naming `body.minAmount`).
 */
function problemWith(error: unknown, field: string): string | undefined {
  const listed = fieldError(error, field);
  if (listed) return listed;
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return;
  const named = (error.details as { field?: unknown }).field;
  return named === field || named === `body.${field}` ? error.message : undefined;
}

/** Same decimal, whatever its writing ("500" and "500.000000"). */
function sameAmount(a: string, b: string): boolean {
  const pa = parseAmount(a);
  const pb = parseAmount(b);
  return pa !== null && pb !== null ? compareMoney(pa, pb) === 0 : a === b;
}

/**
 * Add or edit a payment method: where customers send money, with what instructions and within which
 * limits. Editing sends only what changed (PATCH takes any subset).
 */
export function PaymentMethodForm({ method, nextSortOrder = 0, onSaved, onCancel }: Props) {
  const [name, setName] = useState(method?.name ?? '');
  const [kind, setKind] = useState<PaymentMethodKind>(method?.kind ?? 'mobile_wallet');
  const [currency, setCurrency] = useState<Currency>(method?.currency ?? 'BDT');
  const [account, setAccount] = useState(method?.account ?? '');
  const [instructions, setInstructions] = useState(method?.instructions ?? '');
  const [minAmount, setMinAmount] = useState(method ? plainAmount(method.minAmount) : '');
  const [maxAmount, setMaxAmount] = useState(method ? plainAmount(method.maxAmount) : '');
  const [feePercent, setFeePercent] = useState(method ? plainAmount(method.feePercent) : '0');
  const [active, setActive] = useState(method?.active ?? true);
  const [sortOrder, setSortOrder] = useState(String(method?.sortOrder ?? nextSortOrder));
  const { busy, error, run } = useAction();
  // Opened from a row far down the list: bring the form into view.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Not `() => el.scrollIntoView()`: Chromium's returns a promise, which React would take for a cleanup.
    form.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Amounts go as decimal strings ("1,500" as "1500"); what is no number goes as typed, for the
    // server to name the field.
    const amount = (v: string) => parseAmount(v) ?? v.trim();
    const whole = /^-?\d+$/.test(sortOrder.trim()) ? Number(sortOrder.trim()) : sortOrder.trim();
    const body: PaymentMethodBody = {
      name: name.trim(),
      kind,
      currency,
      account: account.trim(),
      instructions: instructions.trim(),
      minAmount: amount(minAmount),
      maxAmount: amount(maxAmount),
      feePercent: feePercent.trim() === '' ? '0' : feePercent.trim(),
      active,
      sortOrder: whole as number,
    };
    if (!method) {
      const r = await run(() => api<AdminPaymentMethodReply>('POST', '/api/admin/payment-methods', body));
      if (r) onSaved(r.paymentMethod, true);
      return;
    }
    const patch: Partial<PaymentMethodBody> = {};
    if (body.name !== method.name) patch.name = body.name;
    if (body.kind !== method.kind) patch.kind = body.kind;
    if (body.currency !== method.currency) patch.currency = body.currency;
    if (body.account !== method.account) patch.account = body.account;
    if (body.instructions !== method.instructions.trim()) patch.instructions = body.instructions;
    if (!sameAmount(body.minAmount, method.minAmount)) patch.minAmount = body.minAmount;
    if (!sameAmount(body.maxAmount, method.maxAmount)) patch.maxAmount = body.maxAmount;
    if (!sameAmount(body.feePercent, method.feePercent)) patch.feePercent = body.feePercent;
    if (body.active !== method.active) patch.active = body.active;
    if (body.sortOrder !== method.sortOrder) patch.sortOrder = body.sortOrder;
    if (Object.keys(patch).length === 0) {
      onSaved(method, false);
      return;
    }
    const r = await run(() =>
      api<AdminPaymentMethodReply>('PATCH', `/api/admin/payment-methods/${method.id}`, patch),
    );
    if (r) onSaved(r.paymentMethod, true);
  }

  return (
    <form ref={form} className="form boxed" onSubmit={submit} noValidate data-testid="payment-method-form">
      <h2>{method ? `Edit ${method.name}` : 'New payment method'}</h2>
      <div className="two">
        <Field
          label="Name"
          error={problemWith(error, 'name')}
          hint="as customers know it: bKash, Nagad, DBBL…"
        >
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field
          label="Account"
          error={problemWith(error, 'account')}
          hint="the number or account customers pay to"
        >
          <input
            name="account"
            autoComplete="off"
            value={account}
            onChange={(e) => setAccount(e.target.value)}
            required
          />
        </Field>
      </div>
      <div className="two">
        <Field label="Kind" error={problemWith(error, 'kind')}>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as PaymentMethodKind)}>
            {PAYMENT_METHOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {methodKindLabel(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Currency" error={problemWith(error, 'currency')} hint="what customers send">
          <select name="currency" value={currency} onChange={(e) => setCurrency(e.target.value as Currency)}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label="Instructions"
        error={problemWith(error, 'instructions')}
        hint="shown to customers as written, line by line"
      >
        <textarea
          name="instructions"
          rows={5}
          value={instructions}
          onChange={(e) => setInstructions(e.target.value)}
        />
      </Field>
      <div className="field-row">
        <Field label={`Min amount (${currency})`} error={problemWith(error, 'minAmount')}>
          <input
            name="minAmount"
            inputMode="decimal"
            value={minAmount}
            onChange={(e) => setMinAmount(e.target.value)}
          />
        </Field>
        <Field label={`Max amount (${currency})`} error={problemWith(error, 'maxAmount')}>
          <input
            name="maxAmount"
            inputMode="decimal"
            value={maxAmount}
            onChange={(e) => setMaxAmount(e.target.value)}
          />
        </Field>
        <Field label="Fee %" error={problemWith(error, 'feePercent')} hint="kept from each deposit">
          <input
            name="feePercent"
            inputMode="decimal"
            value={feePercent}
            onChange={(e) => setFeePercent(e.target.value)}
          />
        </Field>
        <Field label="Sort order" error={problemWith(error, 'sortOrder')} hint="lower comes first">
          <input
            name="sortOrder"
            inputMode="numeric"
            value={sortOrder}
            onChange={(e) => setSortOrder(e.target.value)}
          />
        </Field>
      </div>
      <label className="check">
        <input name="active" type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        Active: customers see it and can pay with it
      </label>
      <ErrorNote error={error} />
      <div className="inline">
        <button type="submit" className="primary" disabled={busy}>
          {method ? 'Save' : 'Add payment method'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
