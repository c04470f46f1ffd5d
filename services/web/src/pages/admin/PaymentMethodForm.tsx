import { compareMoney } from '@smm/domain/browser';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import {
  type AdminPaymentMethod,
  type AdminPaymentMethodReply,
  type Currency,
  PAYMENT_METHOD_KINDS,
  type PaymentMethodBody,
  type PaymentMethodKind,
} from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { methodKindLabel } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { parseAmount, plainAmount } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { useAdminProblems } from './problems.ts';
import { said } from './words.tsx';

const CURRENCIES: readonly Currency[] = ['BDT', 'USD'];
const METHOD_FIELDS = [
  'name',
  'kind',
  'currency',
  'account',
  'instructions',
  'minAmount',
  'maxAmount',
  'feePercent',
  'active',
  'sortOrder',
] as const;
type MethodField = (typeof METHOD_FIELDS)[number];

/** The admin's words for the fields the shared catalog has none for (read once: the page re-mounts on a language change). */
function methodWords() {
  return {
    texts: {
      kind: t('admin.pmForm.field.kind'),
      currency: t('admin.pmForm.field.currency'),
      account: t('admin.pmForm.field.account'),
      instructions: t('admin.pmForm.field.instructions'),
      minAmount: t('admin.pmForm.field.minAmount'),
      maxAmount: t('admin.pmForm.field.maxAmount'),
      feePercent: t('admin.pmForm.field.feePercent'),
      active: t('admin.pmForm.field.active'),
    } as Partial<Record<MethodField, string>>,
    // The minimum above the maximum is a 422 naming `body.minAmount`.
    rules: { minAmount: t('admin.pmForm.limits') } as Partial<Record<MethodField, string>>,
  };
}

interface Props {
  /** Editing this method; adding a new one without. */
  method?: AdminPaymentMethod;
  /** The next free place in the list, for a new method. */
  nextSortOrder?: number;
  onSaved(m: AdminPaymentMethod, changed: boolean): void;
  onCancel(): void;
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
  const words = useMemo(methodWords, []);
  const problems = useAdminProblems(error, METHOD_FIELDS, words);
  const problemWith = (f: MethodField) => problems.fields[f];
  // Each field's problem goes once that field is edited.
  const edit =
    <T,>(set: (v: T) => void, field: MethodField) =>
    (v: T) => {
      set(v);
      problems.changed(field);
      // The limits are one rule of the two amounts: editing either answers it.
      if (field === 'maxAmount') problems.changed('minAmount');
    };
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
      <h2>{method ? said('admin.pmForm.edit', { name: method.name }) : t('admin.pmForm.new')}</h2>
      <div className="two">
        <Field
          label={t('admin.pmForm.name')}
          error={problemWith('name')}
          hint={said('admin.pmForm.nameHint', { examples: 'bKash, Nagad, DBBL…' })}
        >
          <input name="name" value={name} onChange={(e) => edit(setName, 'name')(e.target.value)} required />
        </Field>
        <Field
          label={t('admin.pmForm.account')}
          error={problemWith('account')}
          hint={t('admin.pmForm.accountHint')}
        >
          <input
            name="account"
            autoComplete="off"
            value={account}
            onChange={(e) => edit(setAccount, 'account')(e.target.value)}
            required
          />
        </Field>
      </div>
      <div className="two">
        <Field label={t('admin.pmForm.kind')} error={problemWith('kind')}>
          <select
            name="kind"
            value={kind}
            onChange={(e) => edit(setKind, 'kind')(e.target.value as PaymentMethodKind)}
          >
            {PAYMENT_METHOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {methodKindLabel(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('admin.pmForm.currency')}
          error={problemWith('currency')}
          hint={t('admin.pmForm.currencyHint')}
        >
          <select
            name="currency"
            value={currency}
            onChange={(e) => edit(setCurrency, 'currency')(e.target.value as Currency)}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c} translate="no">
                {c}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label={t('admin.pmForm.instructions')}
        error={problemWith('instructions')}
        hint={t('admin.pmForm.instructionsHint')}
      >
        <textarea
          name="instructions"
          rows={5}
          value={instructions}
          onChange={(e) => edit(setInstructions, 'instructions')(e.target.value)}
        />
      </Field>
      <div className="field-row">
        <Field label={t('admin.pmForm.min', { currency })} error={problemWith('minAmount')}>
          <input
            name="minAmount"
            inputMode="decimal"
            value={minAmount}
            onChange={(e) => edit(setMinAmount, 'minAmount')(e.target.value)}
          />
        </Field>
        <Field label={t('admin.pmForm.max', { currency })} error={problemWith('maxAmount')}>
          <input
            name="maxAmount"
            inputMode="decimal"
            value={maxAmount}
            onChange={(e) => edit(setMaxAmount, 'maxAmount')(e.target.value)}
          />
        </Field>
        <Field
          label={t('admin.pmForm.fee')}
          error={problemWith('feePercent')}
          hint={t('admin.pmForm.feeHint')}
        >
          <input
            name="feePercent"
            inputMode="decimal"
            value={feePercent}
            onChange={(e) => edit(setFeePercent, 'feePercent')(e.target.value)}
          />
        </Field>
        <Field
          label={t('admin.pmForm.sortOrder')}
          error={problemWith('sortOrder')}
          hint={t('admin.pmForm.sortHint')}
        >
          <input
            name="sortOrder"
            inputMode="numeric"
            value={sortOrder}
            onChange={(e) => edit(setSortOrder, 'sortOrder')(e.target.value)}
          />
        </Field>
      </div>
      <label className="check">
        <input
          name="active"
          type="checkbox"
          checked={active}
          onChange={(e) => edit(setActive, 'active')(e.target.checked)}
        />
        {t('admin.pmForm.active')}
      </label>
      {problemWith('active') && <span className="field-error">{problemWith('active')}</span>}
      <ErrorNote error={error} text={problems.form} />
      <div className="inline">
        <button type="submit" className="primary" disabled={busy}>
          {method ? t('admin.save') : t('admin.pm.add')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
