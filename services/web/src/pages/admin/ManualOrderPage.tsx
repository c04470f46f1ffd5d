import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api/client.ts';
import type { AdminOrder, AdminService, AdminUser, ManualOrderReply } from '../../api/types.ts';
import { ErrorNote, fieldError } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { UserPicker } from '../../components/UserPicker.tsx';
import { formatMoney } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';

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
        <UserPicker value={user} onChange={setUser} />
        <Field label="Service" error={fieldError(error, 'serviceId')}>
          <select name="service" value={serviceId} onChange={(e) => setServiceId(e.target.value)} required>
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
            {service.rateUSD ? `${formatMoney(service.rateUSD, 'USD')} / 1000` : ''}
            {service.rate ? ` · ${formatMoney(service.rate, 'BDT')} / 1000` : ''}
          </p>
        )}
        <Field label="Link" error={fieldError(error, 'link')}>
          <input name="link" type="url" value={link} onChange={(e) => setLink(e.target.value)} required />
        </Field>
        <Field label="Quantity" error={fieldError(error, 'quantity')}>
          <input
            name="quantity"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            required
          />
        </Field>
        <Field label="Notes (admins only)" error={fieldError(error, 'adminNotes')}>
          <textarea
            name="adminNotes"
            rows={2}
            value={adminNotes}
            onChange={(e) => setAdminNotes(e.target.value)}
          />
        </Field>
        <ErrorNote error={error} />
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
            placed, {formatMoney(created.totalCost, created.currency)} charged.
          </>
        )}
      </Notice>
    </section>
  );
}
