import { formatPublicNumber } from '@smm/domain/browser';
import { useRef } from 'react';
import { CopyButton } from './CopyButton.tsx';

/**
 * An order as people quote it (#23501): whole, and selected by one click for copying; with `copy`, a
 * button beside it copies it (where orders are listed).
 */
export function OrderNumber({ number, copy = false }: { number: number; copy?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  const text = formatPublicNumber(number);
  const shown = (
    <span className="order-number" ref={ref}>
      {text}
    </span>
  );
  if (!copy) return shown;
  return (
    <span className="order-ref">
      {shown}
      <CopyButton text={text} target={ref} label="Copy" title={`Copy order number ${text}`} />
    </span>
  );
}
