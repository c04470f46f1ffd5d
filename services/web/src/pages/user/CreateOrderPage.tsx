import {
  allowsDripFeed,
  commentLines,
  deliveredUnits,
  MAX_COMMENT_LENGTH,
  takesComments as takesCommentLines,
} from '@smm/domain/browser';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import type { CreateOrdersReply, OrderLine } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { Money } from '../../components/Money.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Say } from '../../components/Say.tsx';
import { problemsOf } from '../../lib/error-messages.ts';
import { orderNumbersText, rateUnit } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { exactMoney, formatMoney, formatRate, lessThan } from '../../lib/money.ts';
import { parseWhole } from '../../lib/order-line.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useProblems } from '../../lib/useProblems.ts';
import { useSession } from '../../session/context.ts';
import { type DripFeed, DripFeedFields } from './DripFeedFields.tsx';
import { QUOTE_PLACEHOLDER_LINK, useQuote } from './useQuote.ts';
import { useServices } from './useServices.ts';

const NO_DRIP: DripFeed = { runs: '', interval: '' };
/** The fields of the form, by the API's names: a problem with one is said there. */
const ORDER_FIELDS = ['categoryId', 'serviceId', 'link', 'qty', 'comments', 'runs', 'interval'] as const;

export function CreateOrderPage() {
  const { me, refresh } = useSession();
  const { catalog, error: loadError } = useServices();
  const [categoryId, setCategoryId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [link, setLink] = useState('');
  const [qty, setQty] = useState('');
  const [comments, setComments] = useState('');
  const [drip, setDrip] = useState<DripFeed>(NO_DRIP);
  const [created, setCreated] = useState<CreateOrdersReply | null>(null);
  // One key per intended order: a retry after a lost reply is answered, not charged twice.
  const [idemKey, setIdemKey] = useState(() => crypto.randomUUID());
  const { busy, error, run } = useAction();
  const problems = useProblems(error, ORDER_FIELDS);
  usePageTitle(t('nav.newOrder'));
  // `?service=<id or number>` (the Services page's "Order"): that service, chosen once the catalog is in.
  const [params] = useSearchParams();
  const preselect = params.get('service');
  useEffect(() => {
    if (!catalog || !preselect) return;
    const s =
      catalog.byId.get(preselect) ??
      catalog.services.find((x) => String(x.number) === preselect.replace(/^#/, ''));
    if (!s) return;
    setCategoryId(s.categoryId);
    setServiceId(s.id);
  }, [catalog, preselect]);

  const inCategory = useMemo(
    () => catalog?.services.filter((s) => s.categoryId === categoryId) ?? [],
    [catalog, categoryId],
  );
  const service = catalog?.byId.get(serviceId);
  // The service-type rules are the server's own (@smm/domain/browser).
  const takesComments = service ? takesCommentLines(service.type) : false;
  // The forwarder sends Package and Custom Comments orders without runs: the server refuses drip-feed there.
  const canDrip = service ? allowsDripFeed(service.type, service.dripfeed) : false;
  const lines = takesComments ? commentLines(comments) : [];
  // Custom Comments: the quantity is the number of comments, as the server counts them.
  const quantity = takesComments ? lines.length || null : parseWhole(qty);
  const dripping = canDrip && (drip.runs.trim() !== '' || drip.interval.trim() !== '');
  const runs = dripping ? parseWhole(drip.runs) : 1;
  const interval = dripping ? parseWhole(drip.interval) : null;
  // Drip-feed: the quantity is per run, the order delivers (and costs) quantity × runs.
  const units = quantity !== null && runs !== null ? deliveredUnits({ qty: quantity, runs }) : null;
  // The line as create-orders will get it, once every field holds a whole number: the server quotes it.
  const quoteLine: OrderLine | null =
    service && quantity !== null && quantity > 0 && runs !== null && (!dripping || interval !== null)
      ? {
          categoryId: service.categoryId,
          serviceId: service.id,
          link: QUOTE_PLACEHOLDER_LINK,
          qty: quantity,
          ...(takesComments ? { comments } : {}),
          ...(dripping && interval !== null ? { runs, interval } : {}),
        }
      : null;
  const priced = useQuote(quoteLine);
  const total = priced.quote?.totalCost ?? null;
  const currency = priced.quote?.currency ?? catalog?.currency ?? me?.currency;
  const short = total && me ? lessThan(me.balance, total) : false;
  const outOfRange = service && quantity !== null && (quantity < service.min || quantity > service.max);
  const longComment = lines.findIndex((l) => l.length > MAX_COMMENT_LENGTH);
  // Each problem once, on its field: the refusal of the last submit until the field is edited, else
  // what the page sees itself, else what the live quote was refused for.
  const quoteError = priced.error instanceof ApiError && priced.error.status !== 0 ? priced.error : null;
  const quoteProblems = useMemo(() => problemsOf(quoteError, ORDER_FIELDS), [quoteError]);
  const seen: Record<string, string | undefined> = {
    qty:
      outOfRange && service
        ? t('error.quantityRange', { min: service.min.toLocaleString(), max: service.max.toLocaleString() })
        : undefined,
    comments:
      longComment >= 0
        ? t('create.commentTooLong', { n: longComment + 1, max: MAX_COMMENT_LENGTH })
        : undefined,
  };
  const fieldProblem = (f: string) => problems.fields[f] ?? seen[f] ?? quoteProblems.fields[f];
  const noMoney = error instanceof ApiError && error.code === 'INSUFFICIENT_FUNDS';

  function chooseService(id: string) {
    setServiceId(id);
    problems.changed('serviceId');
    setComments('');
    setDrip(NO_DRIP);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!service) return;
    const reply = await run(() =>
      api<CreateOrdersReply>(
        'POST',
        '/api/user/create-orders',
        {
          categoryId: service.categoryId,
          serviceId: service.id,
          link: link.trim(),
          // A number the field did not hold goes as is (NaN → null) for the server to name the field.
          qty: quantity ?? Number(qty),
          ...(takesComments ? { comments } : {}),
          ...(dripping
            ? {
                runs: parseWhole(drip.runs) ?? Number(drip.runs),
                interval: parseWhole(drip.interval) ?? Number(drip.interval),
              }
            : {}),
        },
        { 'idempotency-key': idemKey },
      ),
    );
    if (!reply) return;
    setCreated(reply);
    setIdemKey(crypto.randomUUID());
    setLink('');
    setQty('');
    setComments('');
    setDrip(NO_DRIP);
    await refresh();
  }

  return (
    <section className="card narrow">
      <h1>{t('nav.newOrder')}</h1>
      {loadError ? <ErrorNote error={loadError} /> : null}
      {!catalog && !loadError && <p className="muted">{t('services.loading')}</p>}
      {catalog && (
        <form onSubmit={submit} className="form" noValidate>
          <Field label={t('create.category')} error={fieldProblem('categoryId')}>
            <select
              name="category"
              value={categoryId}
              onChange={(e) => {
                setCategoryId(e.target.value);
                problems.changed('categoryId');
                chooseService('');
              }}
              required
            >
              <option value="">{t('create.chooseCategory')}</option>
              {catalog.categories.map((c) => (
                <option key={c.id} value={c.id} translate="no">
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('create.service')} error={fieldProblem('serviceId')}>
            <select
              name="service"
              value={serviceId}
              onChange={(e) => chooseService(e.target.value)}
              disabled={!categoryId}
              required
            >
              <option value="">{categoryId ? t('create.chooseService') : t('create.categoryFirst')}</option>
              {inCategory.map((s) => (
                // The service's name is data: the option is left as it is (its unit is already translated).
                <option key={s.id} value={s.id} translate="no">
                  {s.name} — {formatRate(s.ratePer1000, catalog.currency)} {rateUnit(s.type)}
                </option>
              ))}
            </select>
          </Field>
          {service && (
            <dl className="facts" data-testid="service-facts">
              <dt>{t('create.price')}</dt>
              <dd>
                <Money amount={service.ratePer1000} currency={catalog.currency} /> {rateUnit(service.type)}
              </dd>
              <dt>{t('create.minMax')}</dt>
              <dd>
                {service.min.toLocaleString()} / {service.max.toLocaleString()}
              </dd>
              <dt>{t('create.refillCancel')}</dt>
              <dd>
                {service.refill ? t('create.refill') : t('create.noRefill')} ·{' '}
                {service.cancel ? t('create.cancel') : t('create.noCancel')}
              </dd>
              {service.description && (
                <>
                  <dt>{t('create.about')}</dt>
                  <dd translate="no">{service.description}</dd>
                </>
              )}
            </dl>
          )}
          <Field label={t('create.link')} error={fieldProblem('link')}>
            <input
              name="link"
              type="url"
              inputMode="url"
              placeholder="https://…"
              value={link}
              onChange={(e) => {
                setLink(e.target.value);
                problems.changed('link');
              }}
              required
            />
          </Field>
          {takesComments && (
            <Field
              label={t('create.comments')}
              error={fieldProblem('comments')}
              hint={t('create.commentsHint', { max: MAX_COMMENT_LENGTH })}
            >
              <textarea
                name="comments"
                rows={6}
                value={comments}
                onChange={(e) => {
                  setComments(e.target.value);
                  problems.changed('comments');
                  problems.changed('qty');
                }}
                required
              />
            </Field>
          )}
          <Field
            label={dripping ? t('create.quantityPerRun') : t('create.quantity')}
            error={fieldProblem('qty')}
            hint={
              service
                ? t(takesComments ? 'create.quantityHintComments' : 'create.quantityHint', {
                    min: service.min.toLocaleString(),
                    max: service.max.toLocaleString(),
                  })
                : undefined
            }
          >
            <input
              name="quantity"
              inputMode="numeric"
              value={takesComments ? String(lines.length) : qty}
              onChange={(e) => {
                setQty(e.target.value);
                problems.changed('qty');
              }}
              readOnly={takesComments}
              required
            />
          </Field>
          {canDrip && (
            <DripFeedFields
              value={drip}
              onChange={(v, field) => {
                setDrip(v);
                problems.changed(field);
              }}
              errors={{ runs: fieldProblem('runs'), interval: fieldProblem('interval') }}
            />
          )}
          <div className="totals">
            <div>
              <span className="muted">{t('common.total')}</span>{' '}
              {/* Only the server's quote of the line as it is now is a total; until it arrives, none. */}
              {total && currency ? (
                <strong data-testid="total" title={exactMoney(total, currency)} translate="no">
                  {formatMoney(total, currency)}
                </strong>
              ) : (
                <strong data-testid="total-pending" aria-busy={priced.pending}>
                  —
                </strong>
              )}
            </div>
            <div>
              <span className="muted">{t('common.balance')}</span>{' '}
              <span className={short ? 'warn' : undefined}>
                {me ? <Money amount={me.balance} currency={me.currency} /> : '—'}
              </span>
            </div>
          </div>
          {dripping && units !== null && (
            <p className="muted" data-testid="drip-summary">
              {t('create.dripSummary', {
                qty: quantity?.toLocaleString() ?? '',
                runs: runs?.toLocaleString() ?? '',
                units: units.toLocaleString(),
              })}
            </p>
          )}
          {!seen.qty && !seen.comments && quoteProblems.form && (
            <p className="muted" data-testid="quote-error">
              {t('create.noPrice', { problem: quoteProblems.form })}
            </p>
          )}
          {short && !noMoney && <p className="warn">{t('create.short')}</p>}
          <ErrorNote error={error} text={problems.form} />
          <button type="submit" className="primary" disabled={busy || !service}>
            {busy ? t('common.placing') : t('create.submit')}
          </button>
        </form>
      )}
      <Notice>
        {created && (
          <Say
            k="create.placed"
            parts={{
              orders: <span data-testid="placed-orders">{orderNumbersText(created.orderNumbers)}</span>,
              amount: <Money amount={created.totalCost} currency={created.currency} />,
              link: <Link to="/user/orders">{t('create.seeOrders')}</Link>,
            }}
          />
        )}
      </Notice>
    </section>
  );
}
