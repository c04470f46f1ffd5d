import { statusLabel } from '../lib/format.ts';

/** A status as a coloured pill (`s-<status>` in styles.css); an order's label unless told another. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge s-${status}`}>{label ?? statusLabel(status)}</span>;
}
