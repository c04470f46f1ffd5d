import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { CreateOrdersReply } from '../../api/types.ts';
import { ErrorNote, fieldError } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { formatMoney, isPackage, lessThan, lineTotal } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { useSession } from '../../session/context.ts';
import { useServices } from './useServices.ts';

function parseQty(raw: string): number | null {
  return /^\d{1,10}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

export function CreateOrderPage() {
  const { me, refresh } = useSession();
  const { catalog, error: loadError } = useServices();
  const [categoryId, setCategoryId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [link, setLink] = useState('');
  const [qty, setQty] = useState('');
  const [created, setCreated] = useState<CreateOrdersReply | null>(null);
  // One key per intended order: a retry after a lost reply is answered, not charged twice.
  const [idemKey, setIdemKey] = useState(() => crypto.randomUUID());
  const { busy, error, run } = useAction();

  const inCategory = useMemo(
    () => catalog?.services.filter((s) => s.categoryId === categoryId) ?? [],
    [catalog, categoryId],
  );
  const service = catalog?.byId.get(serviceId);
  const quantity = parseQty(qty);
  const total = service ? lineTotal(service.ratePer1000, quantity, service.type) : null;
  const currency = catalog?.currency ?? me?.currency;
  const short = total && me ? lessThan(me.balance, total) : false;
  const outOfRange = service && quantity !== null && (quantity < service.min || quantity > service.max);

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
          qty: quantity ?? Number(qty),
        },
        { 'idempotency-key': idemKey },
      ),
    );
    if (!reply) return;
    setCreated(reply);
    setIdemKey(crypto.randomUUID());
    setLink('');
    setQty('');
    await refresh();
  }

  return (
    <section className="card narrow">
      <h1>New order</h1>
      {loadError ? <ErrorNote error={loadError} /> : null}
      {!catalog && !loadError && <p className="muted">Loading services…</p>}
      {catalog && (
        <form onSubmit={submit} className="form" noValidate>
          <Field label="Category">
            <select
              name="category"
              value={categoryId}
              onChange={(e) => {
                setCategoryId(e.target.value);
                setServiceId('');
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
          <Field label="Service" error={fieldError(error, 'serviceId')}>
            <select
              name="service"
              value={serviceId}
              onChange={(e) => setServiceId(e.target.value)}
              disabled={!categoryId}
              required
            >
              <option value="">{categoryId ? 'Choose a service…' : 'Choose a category first'}</option>
              {inCategory.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} — {formatMoney(s.ratePer1000, catalog.currency)}
                  {isPackage(s.type) ? ' per order' : ' per 1000'}
                </option>
              ))}
            </select>
          </Field>
          {service && (
            <dl className="facts" data-testid="service-facts">
              <dt>Price</dt>
              <dd>
                {formatMoney(service.ratePer1000, catalog.currency)}{' '}
                {isPackage(service.type) ? 'per order' : 'per 1000'}
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
          <Field label="Link" error={fieldError(error, 'link')}>
            <input
              name="link"
              type="url"
              inputMode="url"
              placeholder="https://…"
              value={link}
              onChange={(e) => setLink(e.target.value)}
              required
            />
          </Field>
          <Field
            label="Quantity"
            error={fieldError(error, 'qty')}
            hint={
              service
                ? `between ${service.min.toLocaleString()} and ${service.max.toLocaleString()}`
                : undefined
            }
          >
            <input
              name="quantity"
              inputMode="numeric"
              value={qty}
              onChange={(e) => setQty(e.target.value)}
              required
            />
          </Field>
          <div className="totals">
            <div>
              <span className="muted">Total</span>{' '}
              <strong data-testid="total">{total && currency ? formatMoney(total, currency) : '—'}</strong>
            </div>
            <div>
              <span className="muted">Balance</span>{' '}
              <span className={short ? 'warn' : undefined}>
                {me ? formatMoney(me.balance, me.currency) : '—'}
              </span>
            </div>
          </div>
          {service?.type.toLowerCase().startsWith('custom comments') && (
            <p className="warn">
              This service takes a list of comments: order it through the reseller API (v2).
            </p>
          )}
          {outOfRange && <p className="warn">The quantity is outside this service's min/max.</p>}
          {short && <p className="warn">Your balance does not cover this order.</p>}
          <ErrorNote error={error} />
          <button type="submit" className="primary" disabled={busy || !service}>
            {busy ? 'Placing…' : 'Place order'}
          </button>
        </form>
      )}
      <Notice>
        {created && (
          <>
            Order placed: {formatMoney(created.totalCost, created.currency)} charged.{' '}
            <Link to="/user/orders">See my orders</Link>
          </>
        )}
      </Notice>
    </section>
  );
}
