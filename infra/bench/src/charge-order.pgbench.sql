-- The gateway's charge statement (libs/db chargeAndCreateOrders, one order line) for pgbench -M prepared:
-- atomic debit with the balance guard, order row, ledger row with balanceAfter, activity row.
\set u random(1, :users)
with d as (
  update users set balance = balance - 10.000000::numeric
  where id = 'usr_' || lpad(:u::text, 26, '0') and status = 'active' and balance >= 10.000000::numeric
  returning balance
),
lines as (
  select * from jsonb_to_recordset(jsonb_build_array(jsonb_build_object(
    'ord', 0, 'id', 'ord_' || replace(gen_random_uuid()::text, '-', ''), 'service_id', :svc::text,
    'category_id', :cat::text, 'provider_id', :prv::text, 'link', 'https://instagram.com/pgbench', 'quantity', 100,
    'runs', null, 'interval', null, 'comments', null,
    'price', '10.000000', 'bdt_price', '10.000000', 'usd_price', '0.090000',
    'ledger_id', 'led_' || replace(gen_random_uuid()::text, '-', ''),
    'activity_id', 'act_' || replace(gen_random_uuid()::text, '-', '')))) as x(
    ord int, id text, service_id text, category_id text, provider_id text, link text, quantity int, runs int,
    "interval" int, comments text, price numeric, bdt_price numeric, usd_price numeric, ledger_id text,
    activity_id text)
),
o as (
  insert into orders (id, user_id, service_id, category_id, provider_id, link, quantity, service_type, units, runs,
                      "interval", comments, price, currency, bdt_price, usd_price, is_manual, admin_notes,
                      idempotency_key)
  select lines.id, 'usr_' || lpad(:u::text, 26, '0'), service_id, category_id, provider_id, link, quantity,
         'Default', quantity * coalesce(runs, 1), runs, "interval", comments, price, 'BDT', bdt_price, usd_price,
         false, null, null
  from lines, d
  returning id
),
l as (
  insert into ledger (id, user_id, order_id, kind, amount, balance_after, currency, note, actor_id)
  select ledger_id, 'usr_' || lpad(:u::text, 26, '0'), lines.id, 'charge', -price,
         d.balance + coalesce(sum(price) over (order by ord rows between 1 following and unbounded following), 0),
         'BDT', 'order charge', 'usr_' || lpad(:u::text, 26, '0')
  from lines, d
),
a as (
  insert into activity_log (id, actor_id, order_id, provider_id, user_id, action, message)
  select activity_id, 'usr_' || lpad(:u::text, 26, '0'), lines.id, provider_id, 'usr_' || lpad(:u::text, 26, '0'),
         'order.created', null
  from lines, d
)
select balance::text from d;
