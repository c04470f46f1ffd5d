import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api/client.ts';
import type { AdminOrder, AdminService, AdminUser, ManualOrderReply } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { Money } from '../../components/Money.tsx';
import { Notice } from '../../components/Notice.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { UserPicker } from '../../components/UserPicker.tsx';
import { formatRate } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useProblems } from '../../lib/useProblems.ts';

const MANUAL_FIELDS = ['userId', 'serviceId', 'link', 'quantity', 'adminNotes'] as const;
/** The order is the user's, not the admin's: the catalog's words said of them. */
const MANUAL_TEXT = {
  INSUFFICIENT_FUNDS: "The user's balance does not cover this order.",
  NOT_FOUND: 'This user is not there any more: choose the user again.',
};

/** POST /api/admin/orders/manual: an order placed for a user, charged like theirs, never auto-forwarded. */
export function ManualOrderPage() {
  const [user, setUser] = useState<AdminUser | null>(null);
  const [services, setServices] = useState<AdminService[] | null>(null);
  const [serviceId, setServiceId] = useState('');
  const [link, setLink] = useState('');
  const [quantity, setQuantity] = useState('');
  const [adminNotes, setAdminNotes] = useState('');
  const [created, setCreated] = useState<ManualOrderReply | null>(null);
  // The manual reply names the order by id only: its number is read back for the confirmation.
  const [readBack, setReadBack] = useState<{ orderId: string; number: number } | null>(null);
  const load = useAction();
  const { busy, error, run } = useAction();
  const problems = useProblems(error, MANUAL_FIELDS, MANUAL_TEXT);
  usePageTitle('Manual order');

  useEffect(() => {
    void load.run(async () => {
      const r = await api<{ services: AdminService[] }>(
        'GET',
        `/api/admin/services${query({ status: 'active', limit: 500 })}`,
      );
      setServices(r.services);
    });
  }, [load.run]);

  const service = services?.find((s) => s.id === serviceId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!user || !service) return;
    const r = await run(() =>
      api<ManualOrderReply>('POST', '/api/admin/orders/manual', {
        userId: user.id,
        serviceId: service.id,
        link: link.trim(),
        quantity: /^\d+$/.test(quantity.trim()) ? Number(quantity.trim()) : quantity,
        ...(adminNotes.trim() ? { adminNotes: adminNotes.trim() } : {}),
      }),
    );
    if (r) {
      setCreated(r);
      api<{ order: AdminOrder }>('GET', `/api/admin/orders/${r.orderId}`)
        .then((o) => setReadBack({ orderId: o.order.id, number: o.order.number }))
        // The order is placed either way; without its number the confirmation names its id.
        .catch(() => {});
      setLink('');
      setQuantity('');
      setAdminNotes('');
    }
  }

  return (
    <section className="card narrow">
      <h1>Manual order</h1>
      <p className="muted">
        Charged to the user like their own order; it is never sent to a provider by itself — forward it from{' '}
        <Link to="/admin/orders?manual=true">Orders</Link> or fulfil it by hand.
      </p>
      <ErrorNote error={load.error} />
      <form onSubmit={submit} className="form" noValidate>
        <UserPicker
          value={user}
          onChange={(u) => {
            setUser(u);
            problems.changed('userId');
          }}
          error={problems.fields.userId}
        />
        <Field label="Service" error={problems.fields.serviceId}>
          <select
            name="service"
            value={serviceId}
            onChange={(e) => {
              setServiceId(e.target.value);
              problems.changed('serviceId');
            }}
            required
          >
            <option value="">{services ? 'Choose a service…' : 'Loading…'}</option>
            {services?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.categoryName} · {s.name} ({s.mode}
                {s.providerName ? `, ${s.providerName}` : ''})
              </option>
            ))}
          </select>
        </Field>
        {service && (
          <p className="muted small" data-testid="service-facts">
            min {service.minOrder.toLocaleString()} · max {service.maxOrder.toLocaleString()} ·{' '}
            {service.rateUSD ? `${formatRate(service.rateUSD, 'USD')} / 1000` : ''}
            {service.rate ? ` · ${formatRate(service.rate, 'BDT')} / 1000` : ''}
          </p>
        )}
        <Field label="Link" error={problems.fields.link}>
          <input
            name="link"
            type="url"
            value={link}
            onChange={(e) => {
              setLink(e.target.value);
              problems.changed('link');
            }}
            required
          />
        </Field>
        <Field label="Quantity" error={problems.fields.quantity}>
          <input
            name="quantity"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => {
              setQuantity(e.target.value);
              problems.changed('quantity');
            }}
            required
          />
        </Field>
        <Field label="Notes (admins only)" error={problems.fields.adminNotes}>
          <textarea
            name="adminNotes"
            rows={2}
            value={adminNotes}
            onChange={(e) => {
              setAdminNotes(e.target.value);
              problems.changed('adminNotes');
            }}
          />
        </Field>
        <ErrorNote error={error} text={problems.form} />
        <button type="submit" className="primary" disabled={busy || !user || !service}>
          {busy ? 'Placing…' : 'Place manual order'}
        </button>
      </form>
      <Notice>
        {created && (
          <>
            Manual order{' '}
            <span data-testid="manual-order">
              {readBack?.orderId === created.orderId ? (
                <OrderNumber number={readBack.number} />
              ) : (
                <code>{created.orderId}</code>
              )}
            </span>{' '}
            placed, <Money amount={created.totalCost} currency={created.currency} /> charged.
          </>
        )}
      </Notice>
    </section>
  );
}
