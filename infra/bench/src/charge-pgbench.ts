import { chargeAndCreateOrders } from '@smm/db';
import { captureStatement, swapped, toPgbench } from './captured-sql.ts';

export interface ChargeCatalog {
  categoryId: string;
  serviceId: string;
  providerId: string;
}

const CAPTURED_USER = 'usr_captured';
const USER = "'usr_' || lpad(:u::text, 26, '0')";

/**
 * The gateway's charge statement (libs/db chargeAndCreateOrders, one order line, called as the intake
 * calls it: the cached currency and dollar rate, the request deadline) as a pgbench script: the
 * statement text is captured from the production function; per transaction a random seeded user
 * (`:u` of `:users`) and fresh order, ledger and activity ids, and a deadline a minute ahead.
 */
export async function chargeScript(databaseUrl: string, c: ChargeCatalog): Promise<string> {
  const captured = await captureStatement(
    databaseUrl,
    (tx) =>
      chargeAndCreateOrders(tx, {
        userId: CAPTURED_USER,
        currency: 'BDT',
        dollarRate: '120',
        total: '10.000000',
        actorId: CAPTURED_USER,
        idempotencyKey: null,
        notAfter: new Date(Date.now() + 60_000).toISOString(),
        lines: [
          {
            orderId: 'ord_captured',
            serviceId: c.serviceId,
            categoryId: c.categoryId,
            providerId: c.providerId,
            link: 'https://instagram.com/pgbench',
            quantity: 100,
            price: '10.000000',
            bdtPrice: '10.000000',
            usdPrice: '0.090000',
          },
        ],
      }),
    (t) => t.includes('insert into ledger'),
  );
  const payload = captured.params.find((v) => typeof v === 'string' && v.startsWith('[{')) as string;
  const [line] = JSON.parse(payload) as { ledger_id: string; activity_id: string }[];
  const fresh = (prefix: string) => `'${prefix}_' || replace(gen_random_uuid()::text, '-', '')`;
  const notAfter = captured.params.find((v) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v));
  return [
    '\\set u random(1, :users)',
    toPgbench(captured, (v) => {
      if (v === CAPTURED_USER) return USER;
      if (v === notAfter) return "clock_timestamp() + interval '1 minute'";
      if (v === payload)
        return swapped(v, {
          ord_captured: fresh('ord'),
          [line!.ledger_id]: fresh('led'),
          [line!.activity_id]: fresh('act'),
        });
      return undefined;
    }),
  ].join('\n');
}
