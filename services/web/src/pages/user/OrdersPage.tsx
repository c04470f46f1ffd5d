import { useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api/client.ts';
import { ORDER_STATUSES, type UserOrder, type UserOrderPage } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Notice } from '../../components/Notice.tsx';
import { statusLabel } from '../../lib/format.ts';
import { usePaged } from '../../lib/usePaged.ts';
import { useSession } from '../../session/context.ts';
import { UserOrderRow } from './UserOrderRow.tsx';
import { useServices } from './useServices.ts';

const PAGE_SIZE = 20;

export function OrdersPage() {
  const { refresh } = useSession();
  const [status, setStatus] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { catalog } = useServices();
  const list = usePaged<UserOrder>(status, async (cursor) => {
    const r = await api<UserOrderPage>(
      'GET',
      `/api/user/orders${query({ status, cursor, limit: PAGE_SIZE })}`,
    );
    return { items: r.orders, nextCursor: r.nextCursor };
  });

  function replaced(order: UserOrder | null, message: string) {
    setNotice(message);
    if (order) list.setItems((items) => items.map((o) => (o.id === order.id ? order : o)));
    void refresh();
  }

  return (
    <section className="card wide">
      <div className="heading">
        <h1>My orders</h1>
        <Link to="/user/orders/create" className="button">
          New order
        </Link>
      </div>
      <div className="filters">
        <label>
          Status{' '}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => list.reload()} disabled={list.loading}>
          Refresh
        </button>
      </div>
      <Notice>{notice}</Notice>
      <ErrorNote error={list.error} />
      <table className="rows" data-testid="orders">
        <thead>
          <tr>
            <th>Order</th>
            <th>Service</th>
            <th>Link</th>
            <th>Qty</th>
            <th>Charge</th>
            <th>Start</th>
            <th>Remains</th>
            <th>Status</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((o) => (
            <UserOrderRow
              key={o.id}
              order={o}
              service={catalog?.byId.get(o.serviceId)}
              onChanged={replaced}
            />
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && <p className="muted">No orders yet.</p>}
      {list.loading && <p className="muted">Loading…</p>}
      {list.hasMore && !list.loading && (
        <button type="button" className="more" onClick={() => list.more()}>
          Load more
        </button>
      )}
    </section>
  );
}
