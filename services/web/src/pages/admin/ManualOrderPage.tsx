import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api/client.ts';
import type { AdminOrder, AdminService, AdminUser, ManualOrderReply } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { Money } from '../../components/Money.tsx';
import { Notice } from '../../components/Notice.tsx';
import { OrderNumber } from '../../components/OrderNumber.tsx';
import { UserPicker } from '../../components/UserPicker.tsx';
import { t } from '../../lib/i18n.ts';
import { formatRate } from '../../lib/money.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useProblems } from '../../lib/useProblems.ts';
import { modeWord, said } from './words.tsx';

const MANUAL_FIELDS = ['userId', 'serviceId', 'link', 'quantity', 'adminNotes'] as const;

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
  // The order is the user's, not the admin's: the catalog's words said of them.
  const manualText = useMemo(
    () => ({ INSUFFICIENT_FUNDS: t('admin.manual.noFunds'), NOT_FOUND: t('admin.manual.userGone') }),
    [],
  );
  const problems = useProblems(error, MANUAL_FIELDS, manualText);
  usePageTitle(t('admin.manual.title'));

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
      <h1>{t('admin.manual.title')}</h1>
      <p className="muted">
        {t('admin.manual.intro')} <Link to="/admin/orders?manual=true">{t('admin.manual.introLink')}</Link>{' '}
        {t('admin.manual.introEnd')}
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
        <Field label={t('admin.manual.service')} error={problems.fields.serviceId}>
          <select
            name="service"
            value={serviceId}
            onChange={(e) => {
              setServiceId(e.target.value);
              problems.changed('serviceId');
            }}
            required
          >
            <option value="">{services ? t('admin.manual.choose') : t('admin.loading')}</option>
            {services?.map((s) => (
              <option key={s.id} value={s.id} translate="no">
                {s.categoryName} · {s.name} ({modeWord(s.mode)}
                {s.providerName ? `, ${s.providerName}` : ''})
              </option>
            ))}
          </select>
        </Field>
        {service && (
          <p className="muted small" data-testid="service-facts">
            {t('admin.manual.limits', {
              min: service.minOrder.toLocaleString(),
              max: service.maxOrder.toLocaleString(),
            })}{' '}
            ·{' '}
            <span translate="no">
              {service.rateUSD ? `${formatRate(service.rateUSD, 'USD')} / 1000` : ''}
              {service.rate ? ` · ${formatRate(service.rate, 'BDT')} / 1000` : ''}
            </span>
          </p>
        )}
        <Field label={t('admin.manual.link')} error={problems.fields.link}>
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
        <Field label={t('admin.manual.quantity')} error={problems.fields.quantity}>
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
        <Field label={t('admin.manual.notes')} error={problems.fields.adminNotes}>
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
          {busy ? t('admin.manual.placing') : t('admin.manual.place')}
        </button>
      </form>
      <Notice>
        {created &&
          said('admin.manual.placed', {
            order: (
              <span data-testid="manual-order">
                {readBack?.orderId === created.orderId ? (
                  <OrderNumber number={readBack.number} />
                ) : (
                  <code>{created.orderId}</code>
                )}
              </span>
            ),
            amount: <Money amount={created.totalCost} currency={created.currency} />,
          })}
      </Notice>
    </section>
  );
}
