/**
 * A typical duration as people read it, rounded to minutes: `~45 min`, `~2 h 15 min`, `~3 d 4 h`;
 * `< 1 min` below a minute, `—` for none (null: nothing to average yet).
 */
export function formatAverageDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return '< 1 min';
  if (minutes < 60) return `~${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    return m === 0 ? `~${hours} h` : `~${hours} h ${m} min`;
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? `~${days} d` : `~${days} d ${h} h`;
}
