import { t } from './i18n.ts';

/**
 * A typical duration as people read it, rounded to minutes: `~45 min`, `~2 h 15 min`, `~3 d 4 h`;
 * `< 1 min` below a minute, `—` for none (null: nothing to average yet); in the chosen language.
 */
export function formatAverageDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return t('duration.underMinute');
  if (minutes < 60) return t('duration.min', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    return m === 0 ? t('duration.hour', { h: hours }) : t('duration.hourMin', { h: hours, m });
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? t('duration.day', { d: days }) : t('duration.dayHour', { d: days, h });
}
