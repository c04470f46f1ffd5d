import { statusLabel } from '../lib/format.ts';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge s-${status}`}>{statusLabel(status)}</span>;
}
