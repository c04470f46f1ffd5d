import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api, query } from '../../api/client.ts';
import type {
  Deposit,
  DepositBody,
  DepositPage,
  DepositReply,
  PaymentMethod,
  PaymentMethodList,
} from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { depositStatusLabel, formatDateTime } from '../../lib/format.ts';
import { feeText, formatMoney, parseAmount } from '../../lib/money.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import {
  checkDepositShape,
  type DepositField,
  type DepositProblems,
  depositProblems,
  hasProblems,
  NO_PROBLEMS,
} from './depositErrors.ts';
import { PaymentMethodCard } from './PaymentMethodCard.tsx';
import { UserDepositRow } from './UserDepositRow.tsx';

const PAGE_SIZE = 20;

/** GET /api/user/payment-methods: the active methods, in the admin's order. */
function usePaymentMethods() {
  const [methods, setMethods] = useState<PaymentMethod[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is what reloads
  useEffect(() => {
    let live = true;
    api<PaymentMethodList>('GET', '/api/user/payment-methods')
      .then((r) => {
        if (!live) return;
        setMethods(r.items);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [version]);
  return { methods, error, reload: () => setVersion((v) => v + 1) };
}

/**
 * Add funds: the customer sends money to a method's account, then tells the panel the amount and the
 * transaction id; an admin checks and approves (/admin/deposits), and only then is the balance credited.
 */
export function FundsPage() {
  usePageTitle('Add funds');
  const { methods, error: methodsError, reload: reloadMethods } = usePaymentMethods();
  const [methodId, setMethodId] = useState('');
  const [amount, setAmount] = useState('');
  const [transactionId, setTransactionId] = useState('');
  const [senderNumber, setSenderNumber] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<DepositProblems>(NO_PROBLEMS);
  const [created, setCreated] = useState<Deposit | null>(null);
  const [busy, setBusy] = useState(false);
  const amountInput = useRef<HTMLInputElement>(null);
  const list = usePaged<Deposit>('mine', async (cursor) => {
    const r = await api<DepositPage>('GET', `/api/user/deposits${query({ cursor, limit: PAGE_SIZE })}`);
    return { items: r.items, nextCursor: r.nextCursor };
  });

  const method = methods?.find((m) => m.id === methodId);
  // One method only: it is the choice.
  useEffect(() => {
    if (methods?.length === 1 && methodId === '') setMethodId(methods[0]!.id);
  }, [methods, methodId]);

  /** An edited input loses the problem it was shown with. */
  function edited(
    field: DepositField,
    set: (v: string) => void,
    value: string,
    alsoClear: DepositField[] = [],
  ) {
    set(value);
    setProblems((p) => {
      const gone = [field, ...alsoClear].filter((f) => p.fields[f]);
      if (gone.length === 0) return p;
      const fields = { ...p.fields };
      for (const f of gone) delete fields[f];
      return { ...p, fields };
    });
  }

  // A new method has other limits: the amount's message was about the old ones.
  const chooseMethod = (id: string) => edited('methodId', setMethodId, id, ['amount']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const shape = checkDepositShape({ methodId, amount, transactionId });
    if (hasProblems(shape)) {
      setProblems(shape);
      return;
    }
    setBusy(true);
    setProblems(NO_PROBLEMS);
    setCreated(null);
    try {
      const body: DepositBody = {
        methodId,
        // The shape check above saw a number.
        amount: parseAmount(amount)!,
        transactionId: transactionId.trim(),
        ...(senderNumber.trim() ? { senderNumber: senderNumber.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      const r = await api<DepositReply>('POST', '/api/user/deposits', body);
      setCreated(r.deposit);
      list.setItems((items) => [r.deposit, ...items.filter((d) => d.id !== r.deposit.id)]);
      setAmount('');
      setTransactionId('');
      setSenderNumber('');
      setNote('');
    } catch (err) {
      setProblems(depositProblems(err));
      // The method went away meanwhile (made inactive or deleted): offer what is left.
      if (err instanceof ApiError && err.code === 'NOT_FOUND') reloadMethods();
    } finally {
      setBusy(false);
    }
  }

  const fee = method ? feeText(method.feePercent) : null;

  return (
    <>
      <section className="card wide">
        <h1>Add funds</h1>
        <p className="muted">
          Send the money to one of these accounts first. Then tell us the amount and the transaction id from
          your payment message: an admin checks it, and your balance is credited once it is approved.
        </p>
        <ErrorNote error={methodsError} />
        {!methods && !methodsError && <p className="muted">Loading payment methods…</p>}
        {methods?.length === 0 && (
          <p className="warn" data-testid="no-methods">
            No payment method is open right now. Please try again later or contact support.
          </p>
        )}
        <div className="method-list" data-testid="payment-methods">
          {methods?.map((m) => (
            <PaymentMethodCard
              key={m.id}
              method={m}
              chosen={m.id === methodId}
              onChoose={(focus) => {
                chooseMethod(m.id);
                if (focus) amountInput.current?.focus();
              }}
            />
          ))}
        </div>
        {methods && methods.length > 0 && (
          <form className="form boxed deposit-form" onSubmit={submit} noValidate data-testid="deposit-form">
            <h2>I have paid</h2>
            <Field label="Payment method" error={problems.fields.methodId}>
              <select name="methodId" value={methodId} onChange={(e) => chooseMethod(e.target.value)}>
                <option value="">Choose how you paid…</option>
                {methods.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name} ({m.currency})
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={method ? `Amount you sent (${method.currency})` : 'Amount you sent'}
              error={problems.fields.amount}
              hint={
                method ? (
                  <span data-testid="amount-limits">
                    between {formatMoney(method.minAmount)} and{' '}
                    {formatMoney(method.maxAmount, method.currency)}
                    {fee ? `; a ${fee} fee is taken from it` : ''}
                  </span>
                ) : (
                  'choose the payment method first'
                )
              }
            >
              <input
                ref={amountInput}
                name="amount"
                inputMode="decimal"
                autoComplete="off"
                placeholder={method ? formatMoney(method.minAmount) : undefined}
                value={amount}
                onChange={(e) => edited('amount', setAmount, e.target.value)}
              />
            </Field>
            <Field
              label="Transaction id"
              error={problems.fields.transactionId}
              hint="as your payment message shows it (TrxID), letters, digits and dashes"
            >
              <input
                name="transactionId"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={64}
                value={transactionId}
                onChange={(e) => edited('transactionId', setTransactionId, e.target.value)}
              />
            </Field>
            <Field label="Your number or account (optional)" error={problems.fields.senderNumber}>
              <input
                name="senderNumber"
                inputMode="tel"
                autoComplete="off"
                placeholder="the number you sent from"
                value={senderNumber}
                onChange={(e) => edited('senderNumber', setSenderNumber, e.target.value)}
              />
            </Field>
            <Field label="Note (optional)" error={problems.fields.note}>
              <textarea
                name="note"
                rows={2}
                maxLength={500}
                value={note}
                onChange={(e) => edited('note', setNote, e.target.value)}
              />
            </Field>
            {problems.form && (
              <div className="error" role="alert" data-testid="error">
                {problems.form}
              </div>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Sending…' : 'Send for approval'}
            </button>
          </form>
        )}
        <Notice>
          {created && (
            <span data-testid="created-deposit">
              Request sent: {formatMoney(created.amount, created.currency)} by {created.methodName},
              transaction id <code>{created.transactionId}</code>, submitted{' '}
              {formatDateTime(created.createdAt)} — {depositStatusLabel(created.status).toLowerCase()}. Your
              balance is credited once an admin approves it.
            </span>
          )}
        </Notice>
      </section>
      <section className="card wide">
        <div className="heading">
          <h2>Your deposit requests</h2>
          <button type="button" onClick={() => list.reload()} disabled={list.loading}>
            Refresh
          </button>
        </div>
        <ErrorNote error={list.error} />
        <table className="rows" data-testid="deposits">
          <thead>
            <tr>
              <th>Submitted</th>
              <th>Method</th>
              <th>Amount</th>
              <th>Transaction id</th>
              <th>Status</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((d) => (
              <UserDepositRow key={d.id} deposit={d} />
            ))}
          </tbody>
        </table>
        {!list.loading && list.items.length === 0 && <p className="muted">No deposit requests yet.</p>}
        {list.loading && <p className="muted">Loading…</p>}
        {list.hasMore && !list.loading && (
          <button type="button" className="more" onClick={() => list.more()}>
            Load more
          </button>
        )}
      </section>
    </>
  );
}
