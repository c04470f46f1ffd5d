import {
  allowsDripFeed,
  commentLines,
  deliveredUnits,
  isPackageService,
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
import { problemsOf } from '../../lib/error-messages.ts';
import { orderNumbersText } from '../../lib/format.ts';
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
  usePageTitle('New order');
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
  const perOrder = (type: string) => (isPackageService(type) ? 'per order' : 'per 1000');
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
        ? `The quantity must be between ${service.min.toLocaleString()} and ${service.max.toLocaleString()}.`
        : undefined,
    comments:
      longComment >= 0
        ? `Comment ${longComment + 1} is longer than ${MAX_COMMENT_LENGTH} characters.`
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
      <h1>New order</h1>
      {loadError ? <ErrorNote error={loadError} /> : null}
      {!catalog && !loadError && <p className="muted">Loading services…</p>}
      {catalog && (
        <form onSubmit={submit} className="form" noValidate>
          <Field label="Category" error={fieldProblem('categoryId')}>
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
              <option value="">Choose a category…</option>
              {catalog.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Service" error={fieldProblem('serviceId')}>
            <select
              name="service"
              value={serviceId}
              onChange={(e) => chooseService(e.target.value)}
              disabled={!categoryId}
              required
            >
              <option value="">{categoryId ? 'Choose a service…' : 'Choose a category first'}</option>
              {inCategory.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} — {formatRate(s.ratePer1000, catalog.currency)} {perOrder(s.type)}
                </option>
              ))}
            </select>
          </Field>
          {service && (
            <dl className="facts" data-testid="service-facts">
              <dt>Price</dt>
              <dd>
                <Money amount={service.ratePer1000} currency={catalog.currency} /> {perOrder(service.type)}
              </dd>
              <dt>Min / max</dt>
              <dd>
                {service.min.toLocaleString()} / {service.max.toLocaleString()}
              </dd>
              <dt>Refill / cancel</dt>
              <dd>
                {service.refill ? 'refill' : 'no refill'} · {service.cancel ? 'cancel' : 'no cancel'}
              </dd>
              {service.description && (
                <>
                  <dt>About</dt>
                  <dd>{service.description}</dd>
                </>
              )}
            </dl>
          )}
          <Field label="Link" error={fieldProblem('link')}>
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
              label="Comments"
              error={fieldProblem('comments')}
              hint={`one per line, up to ${MAX_COMMENT_LENGTH} characters each; blank lines are skipped`}
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
            label={dripping ? 'Quantity per run' : 'Quantity'}
            error={fieldProblem('qty')}
            hint={
              service
                ? `${takesComments ? 'the number of comments, ' : ''}between ${service.min.toLocaleString()} and ${service.max.toLocaleString()}`
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
              <span className="muted">Total</span>{' '}
              {/* Only the server's quote of the line as it is now is a total; until it arrives, none. */}
              {total && currency ? (
                <strong data-testid="total" title={exactMoney(total, currency)}>
                  {formatMoney(total, currency)}
                </strong>
              ) : (
                <strong data-testid="total-pending" aria-busy={priced.pending}>
                  —
                </strong>
              )}
            </div>
            <div>
              <span className="muted">Balance</span>{' '}
              <span className={short ? 'warn' : undefined}>
                {me ? <Money amount={me.balance} currency={me.currency} /> : '—'}
              </span>
            </div>
          </div>
          {dripping && units !== null && (
            <p className="muted" data-testid="drip-summary">
              {quantity?.toLocaleString()} × {runs?.toLocaleString()} runs = {units.toLocaleString()} in total
            </p>
          )}
          {!seen.qty && !seen.comments && quoteProblems.form && (
            <p className="muted" data-testid="quote-error">
              No price yet: {quoteProblems.form}
            </p>
          )}
          {short && !noMoney && <p className="warn">Your balance does not cover this order.</p>}
          <ErrorNote error={error} text={problems.form} />
          <button type="submit" className="primary" disabled={busy || !service}>
            {busy ? 'Placing…' : 'Place order'}
          </button>
        </form>
      )}
      <Notice>
        {created && (
          <>
            <span data-testid="placed-orders">{orderNumbersText(created.orderNumbers)}</span> placed:{' '}
            <Money amount={created.totalCost} currency={created.currency} /> charged.{' '}
            <Link to="/user/orders">See my orders</Link>
          </>
        )}
      </Notice>
    </section>
  );
}
