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
import { Say } from '../../components/Say.tsx';
import { depositStatusLabel, formatDateTime } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
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
  usePageTitle(t('nav.funds'));
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
        <h1>{t('nav.funds')}</h1>
        <p className="muted">{t('funds.intro')}</p>
        <ErrorNote error={methodsError} />
        {!methods && !methodsError && <p className="muted">{t('funds.loading')}</p>}
        {methods?.length === 0 && (
          <p className="warn" data-testid="no-methods">
            {t('funds.noMethods')}
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
            <h2>{t('funds.paid')}</h2>
            <Field label={t('funds.method')} error={problems.fields.methodId}>
              <select name="methodId" value={methodId} onChange={(e) => chooseMethod(e.target.value)}>
                <option value="">{t('funds.chooseMethod')}</option>
                {methods.map((m) => (
                  <option key={m.id} value={m.id} translate="no">
                    {m.name} ({m.currency})
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={method ? t('funds.amountIn', { currency: method.currency }) : t('funds.amount')}
              error={problems.fields.amount}
              hint={
                method ? (
                  <span data-testid="amount-limits">
                    {t(fee ? 'funds.limitsFee' : 'funds.limits', {
                      min: formatMoney(method.minAmount),
                      max: formatMoney(method.maxAmount, method.currency),
                      fee: fee ?? '',
                    })}
                  </span>
                ) : (
                  t('funds.methodFirst')
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
            <Field label={t('funds.txid')} error={problems.fields.transactionId} hint={t('funds.txidHint')}>
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
            <Field label={t('funds.sender')} error={problems.fields.senderNumber}>
              <input
                name="senderNumber"
                inputMode="tel"
                autoComplete="off"
                placeholder={t('funds.senderHint')}
                value={senderNumber}
                onChange={(e) => edited('senderNumber', setSenderNumber, e.target.value)}
              />
            </Field>
            <Field label={t('funds.note')} error={problems.fields.note}>
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
              {busy ? t('funds.sending') : t('funds.send')}
            </button>
          </form>
        )}
        <Notice>
          {created && (
            <span data-testid="created-deposit">
              <Say
                k="funds.sent"
                parts={{
                  amount: formatMoney(created.amount, created.currency),
                  method: <span translate="no">{created.methodName}</span>,
                  txid: <code>{created.transactionId}</code>,
                  date: formatDateTime(created.createdAt),
                  status: depositStatusLabel(created.status).toLowerCase(),
                }}
              />
            </span>
          )}
        </Notice>
      </section>
      <section className="card wide">
        <div className="heading">
          <h2>{t('funds.requests')}</h2>
          <button type="button" onClick={() => list.reload()} disabled={list.loading}>
            {t('common.refresh')}
          </button>
        </div>
        <ErrorNote error={list.error} />
        <table className="rows" data-testid="deposits">
          <thead>
            <tr>
              <th>{t('funds.col.submitted')}</th>
              <th>{t('funds.col.method')}</th>
              <th>{t('funds.col.amount')}</th>
              <th>{t('funds.col.txid')}</th>
              <th>{t('funds.col.status')}</th>
              <th>{t('funds.col.result')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((d) => (
              <UserDepositRow key={d.id} deposit={d} />
            ))}
          </tbody>
        </table>
        {!list.loading && list.items.length === 0 && <p className="muted">{t('funds.noRequests')}</p>}
        {list.loading && <p className="muted">{t('common.loading')}</p>}
        {list.hasMore && !list.loading && (
          <button type="button" className="more" onClick={() => list.more()}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
    </>
  );
}
