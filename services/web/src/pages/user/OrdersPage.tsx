import {
  CUSTOMER_STATUS_WORD,
  CUSTOMER_STATUSES,
  type CustomerStatus,
  type OrderStatus,
  orderStatusesOf,
} from '@smm/domain/browser';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../../api/client.ts';
import type { UserOrder, UserOrderPage } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Notice } from '../../components/Notice.tsx';
import { type Page, usePaged } from '../../lib/usePaged.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../../session/context.ts';
import { UserOrderRow } from './UserOrderRow.tsx';
import { useServices } from './useServices.ts';

const PAGE_SIZE = 20;

/** Newest first, as the API lists them: by creation time, then id (both compare as the API's strings). */
function newerFirst(a: UserOrder, b: UserOrder): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * One page of the customer's orders in any of `statuses`. The API filters by one status; a customer's
 * Pending is three (pending, submitting, needs_review), so each is asked from the same cursor (a
 * position in the one newest-first order, whatever the status) and the pages merged. A status with
 * more rows was read down to its last row: rows newer than the newest such last row are complete,
 * and that status's cursor continues from there.
 */
async function ordersPage(statuses: OrderStatus[], cursor: string | null): Promise<Page<UserOrder>> {
  const ask = (status?: OrderStatus) =>
    api<UserOrderPage>('GET', `/api/user/orders${query({ status, cursor, limit: PAGE_SIZE })}`);
  if (statuses.length <= 1) {
    const r = await ask(statuses[0]);
    return { items: r.orders, nextCursor: r.nextCursor };
  }
  const pages = await Promise.all(statuses.map(ask));
  let edge: { last: UserOrder; cursor: string } | null = null;
  for (const p of pages) {
    const last = p.orders.at(-1);
    if (p.nextCursor && last && (!edge || newerFirst(last, edge.last) < 0))
      edge = { last, cursor: p.nextCursor };
  }
  const all = pages.flatMap((p) => p.orders).sort(newerFirst);
  const upTo = edge;
  const items = upTo ? all.filter((o) => newerFirst(o, upTo.last) <= 0) : all;
  return { items, nextCursor: upTo?.cursor ?? null };
}

export function OrdersPage() {
  const { refresh } = useSession();
  const [status, setStatus] = useState<CustomerStatus | ''>('');
  const [notice, setNotice] = useState<string | null>(null);
  const { catalog } = useServices();
  usePageTitle('My orders');
  const list = usePaged<UserOrder>(status, (cursor) =>
    ordersPage(status ? orderStatusesOf(status) : [], cursor),
  );
  // Once per order, whatever a page boundary did.
  const orders = useMemo(() => [...new Map(list.items.map((o) => [o.id, o])).values()], [list.items]);

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
          <select
            name="status"
            value={status}
            onChange={(e) => setStatus(e.target.value as CustomerStatus | '')}
          >
            <option value="">All</option>
            {CUSTOMER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CUSTOMER_STATUS_WORD[s]}
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
          {orders.map((o) => (
            <UserOrderRow
              key={o.id}
              order={o}
              service={catalog?.byId.get(o.serviceId)}
              onChanged={replaced}
            />
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && (
        <p className="muted" data-testid="no-orders">
          {status ? `No ${CUSTOMER_STATUS_WORD[status].toLowerCase()} orders.` : 'No orders yet.'}
        </p>
      )}
      {list.loading && <p className="muted">Loading…</p>}
      {list.hasMore && !list.loading && (
        <button type="button" className="more" onClick={() => list.more()}>
          Load more
        </button>
      )}
    </section>
  );
}
