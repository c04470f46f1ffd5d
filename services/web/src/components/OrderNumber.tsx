import { formatPublicNumber } from '@smm/domain/browser';
import { useRef } from 'react';
import { Link } from 'react-router';
import { t } from '../lib/i18n.ts';
import { CopyButton } from './CopyButton.tsx';

/**
 * An order as people quote it (#23501): whole, and selected by one click for copying; with `copy`, a
 * button beside it copies it (where orders are listed); with `to`, the number links to that page.
 */
export function OrderNumber({ number, copy = false, to }: { number: number; copy?: boolean; to?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const text = formatPublicNumber(number);
  const number_ = (
    <span className="order-number" ref={ref} translate="no">
      {text}
    </span>
  );
  const shown = to ? (
    <Link to={to} className="order-link" data-testid="order-link">
      {number_}
    </Link>
  ) : (
    number_
  );
  if (!copy) return shown;
  return (
    <span className="order-ref">
      {shown}
      <CopyButton text={text} target={ref} title={t('copy.orderNumber', { number: text })} />
    </span>
  );
}
