import {
  formatPublicNumber,
  isPackageService,
  MAX_LINK_LENGTH,
  MAX_MASS_ORDER_LINES,
  parsePublicNumber,
  takesComments,
} from '@smm/domain/browser';
import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { CreateOrdersReply, OrderLine, Quote, ServiceListing } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Field } from '../../components/Field.tsx';
import { Money } from '../../components/Money.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Say } from '../../components/Say.tsx';
import { FIELD_TEXT, massOrderProblems } from '../../lib/error-messages.ts';
import { orderNumbersText } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { lessThan } from '../../lib/money.ts';
import { parseWhole } from '../../lib/order-line.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../../session/context.ts';
import { type Catalog, useServices } from './useServices.ts';

/** One non-blank line of the text, read against the catalog. */
interface ParsedLine {
  /** Its line number in the text (1-based), as the customer sees it. */
  row: number;
  raw: string;
  service: ServiceListing | null;
  link: string;
  qty: number | null;
  /** What is wrong with it before anything is sent, else null. */
  problem: string | null;
}

const LINK = /^https?:\/\/\S+$/i;

/** `service|link|quantity` per line; the service is its public number as /services shows it (#123 or 123). */
function parseLines(text: string, catalog: Catalog): ParsedLine[] {
  const out: ParsedLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const parts = raw.split('|').map((p) => p.trim());
    const line: ParsedLine = {
      row: i + 1,
      raw: raw.trim(),
      service: null,
      link: '',
      qty: null,
      problem: null,
    };
    out.push(line);
    if (parts.length !== 3) {
      line.problem = t('mass.lineShape');
      return;
    }
    const [serviceText = '', link = '', qtyText = ''] = parts;
    const number = parsePublicNumber(serviceText.replace(/^#/, ''));
    line.service = number === null ? null : (catalog.services.find((s) => s.number === number) ?? null);
    line.link = link;
    line.qty = parseWhole(qtyText);
    const s = line.service;
    if (number === null) line.problem = t('mass.serviceNumber');
    else if (!s) line.problem = t('mass.noService', { number: formatPublicNumber(number) });
    else if (takesComments(s.type)) line.problem = t('mass.needsComments');
    else if (!LINK.test(link) || link.length > MAX_LINK_LENGTH) line.problem = FIELD_TEXT.link!;
    else if (line.qty === null) line.problem = FIELD_TEXT.qty!;
    else if (isPackageService(s.type) && line.qty !== 1) line.problem = t('mass.packageOne');
    else if (line.qty < s.min || line.qty > s.max)
      line.problem = t('error.quantityRange', { min: s.min.toLocaleString(), max: s.max.toLocaleString() });
  });
  return out;
}

function orderLine(l: ParsedLine): OrderLine {
  return { categoryId: l.service!.categoryId, serviceId: l.service!.id, link: l.link, qty: l.qty! };
}

/** The text checked, its server quote, and the key its order goes with (a double click charges once). */
interface Checked {
  text: string;
  quote: Quote;
  key: string;
}

interface Placed {
  lines: ParsedLine[];
  reply: CreateOrdersReply;
}

/**
 * `/user/orders/mass`: many orders at once. Each line is checked against the catalog here, then
 * the whole text against the server's quote (the intake's own rules and prices): every problem is
 * shown on its line before anything is charged. Placing is one all-or-nothing create-orders.
 */
export function MassOrderPage() {
  const { me, refresh } = useSession();
  const { catalog, error: loadError } = useServices();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [serverProblems, setServerProblems] = useState<{ text: string; lines: Map<number, string> } | null>(
    null,
  );
  const [placed, setPlaced] = useState<Placed | null>(null);
  const check = useAction();
  const place = useAction();
  usePageTitle(t('nav.massOrder'));

  const lines = useMemo(() => (catalog ? parseLines(text, catalog) : []), [text, catalog]);
  const fresh = checked?.text === text ? checked : null;
  const onLine = serverProblems?.text === text ? serverProblems.lines : null;
  const tooMany = lines.length > MAX_MASS_ORDER_LINES;
  const [shown, setShown] = useState(false);
  const localProblems = lines.filter((l) => l.problem !== null).length;
  const short = fresh && me ? lessThan(me.balance, fresh.quote.totalCost) : false;

  function refused(error: unknown, forText: string) {
    const p = massOrderProblems(error);
    setServerProblems({ text: forText, lines: p.lines });
    return p.form;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    setPlaced(null);
    if (lines.length === 0 || tooMany || localProblems > 0) return;
    const forText = text;
    const quote = await check.run(async () => {
      try {
        return await api<Quote>('POST', '/api/user/orders/quote', { orders: lines.map(orderLine) });
      } catch (err) {
        const form = refused(err, forText);
        if (form) throw err;
        return null;
      }
    });
    if (quote) {
      setServerProblems(null);
      setChecked({ text: forText, quote, key: crypto.randomUUID() });
    }
  }

  async function placeOrders() {
    if (!fresh) return;
    const forLines = lines;
    const reply = await place.run(async () => {
      try {
        return await api<CreateOrdersReply>(
          'POST',
          '/api/user/create-orders',
          { orders: forLines.map(orderLine) },
          { 'idempotency-key': fresh.key },
        );
      } catch (err) {
        const form = refused(err, fresh.text);
        if (form) throw err;
        setChecked(null);
        return null;
      }
    });
    if (!reply) return;
    setPlaced({ lines: forLines, reply });
    setChecked(null);
    setShown(false);
    setText('');
    await refresh();
  }

  const formProblem =
    lines.length === 0 && shown
      ? t('mass.noLines')
      : tooMany
        ? t('mass.tooMany', { max: MAX_MASS_ORDER_LINES })
        : null;

  return (
    <section className="card wide">
      <div className="heading">
        <h1>{t('nav.massOrder')}</h1>
        <Link to="/services" className="button">
          {t('nav.services')}
        </Link>
      </div>
      {loadError ? <ErrorNote error={loadError} /> : null}
      {!catalog && !loadError && <p className="muted">{t('services.loading')}</p>}
      {catalog && (
        <form onSubmit={submit} className="form" noValidate data-testid="mass-form">
          <Field
            label={t('mass.orders')}
            hint={t('mass.hint', { max: MAX_MASS_ORDER_LINES })}
            error={formProblem ?? undefined}
          >
            {/* What is written here (and the example) is order data: links and numbers. */}
            <textarea
              translate="no"
              name="lines"
              rows={8}
              spellCheck={false}
              placeholder={'123|https://example.com/post|1000\n124|https://example.com/profile|500'}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setPlaced(null);
              }}
            />
          </Field>
          {shown && lines.length > 0 && (
            <table className="rows" data-testid="mass-lines">
              <thead>
                <tr>
                  <th>{t('mass.col.line')}</th>
                  <th>{t('mass.col.service')}</th>
                  <th>{t('mass.col.link')}</th>
                  <th>{t('mass.col.qty')}</th>
                  <th>{t('mass.col.price')}</th>
                  <th>{t('mass.col.check')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l, i) => {
                  const problem = l.problem ?? onLine?.get(i) ?? null;
                  const price = fresh?.quote.lines[i]?.price;
                  return (
                    <tr key={l.row} data-line={l.row} data-ok={problem === null && price ? 'true' : 'false'}>
                      <td data-label={t('mass.col.line')}>{l.row}</td>
                      <td data-label={t('mass.col.service')}>
                        {l.service ? (
                          <span translate="no">{`${formatPublicNumber(l.service.number)} ${l.service.name}`}</span>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td data-label={t('mass.col.link')} className="link-cell" translate="no">
                        {l.link || '—'}
                      </td>
                      <td data-label={t('mass.col.qty')}>{l.qty === null ? '—' : l.qty.toLocaleString()}</td>
                      <td data-label={t('mass.col.price')}>
                        {price && fresh ? <Money amount={price} currency={fresh.quote.currency} /> : '—'}
                      </td>
                      <td data-label={t('mass.col.check')}>
                        {problem ? (
                          <span className="field-error" data-testid="line-error">
                            {problem}
                          </span>
                        ) : price ? (
                          <span className="ok-text">{t('mass.ok')}</span>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {shown && localProblems > 0 && (
            <p className="warn" data-testid="mass-problems">
              {localProblems === 1 ? t('mass.problemsOne') : t('mass.problemsMany', { n: localProblems })}
            </p>
          )}
          <ErrorNote error={check.error} />
          <div className="totals">
            <div>
              <span className="muted">{t('common.total')}</span>{' '}
              {fresh ? (
                <strong data-testid="mass-total">
                  <Money amount={fresh.quote.totalCost} currency={fresh.quote.currency} />
                </strong>
              ) : (
                <strong>—</strong>
              )}
            </div>
            <div>
              <span className="muted">{t('common.balance')}</span>{' '}
              <span className={short ? 'warn' : undefined}>
                {me ? <Money amount={me.balance} currency={me.currency} /> : '—'}
              </span>
            </div>
          </div>
          {short && <p className="warn">{t('mass.short')}</p>}
          <ErrorNote error={place.error} />
          <div className="inline">
            <button type="submit" disabled={check.busy || place.busy}>
              {check.busy ? t('mass.checking') : t('mass.check')}
            </button>
            {fresh && (
              <button
                type="button"
                className="primary"
                data-testid="place-mass"
                disabled={place.busy || Boolean(short)}
                onClick={placeOrders}
              >
                {place.busy
                  ? t('common.placing')
                  : lines.length === 1
                    ? t('mass.placeOne')
                    : t('mass.placeMany', { n: lines.length })}
              </button>
            )}
          </div>
        </form>
      )}
      {placed && (
        <Notice>
          <Say
            k="mass.placed"
            parts={{
              orders: <span data-testid="placed-orders">{orderNumbersText(placed.reply.orderNumbers)}</span>,
              amount: <Money amount={placed.reply.totalCost} currency={placed.reply.currency} />,
            }}
          />
        </Notice>
      )}
      {placed && (
        <table className="rows" data-testid="mass-results">
          <thead>
            <tr>
              <th>{t('mass.col.line')}</th>
              <th>{t('mass.col.service')}</th>
              <th>{t('mass.col.link')}</th>
              <th>{t('mass.col.qty')}</th>
              <th>{t('mass.col.order')}</th>
            </tr>
          </thead>
          <tbody>
            {placed.lines.map((l, i) => {
              const n = placed.reply.orderNumbers[i];
              return (
                <tr key={l.row} data-line={l.row}>
                  <td data-label={t('mass.col.line')}>{l.row}</td>
                  <td data-label={t('mass.col.service')} translate="no">
                    {l.service?.name}
                  </td>
                  <td data-label={t('mass.col.link')} className="link-cell" translate="no">
                    {l.link}
                  </td>
                  <td data-label={t('mass.col.qty')}>{l.qty?.toLocaleString()}</td>
                  <td data-label={t('mass.col.order')}>
                    {n === undefined ? (
                      '—'
                    ) : (
                      <Link to={`/user/orders/${n}`} data-testid="line-order">
                        {formatPublicNumber(n)}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
