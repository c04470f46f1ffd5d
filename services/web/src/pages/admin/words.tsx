import type { ReactNode } from 'react';
import { type MessageKey, t } from '../../lib/i18n.ts';

// The admin pages' own words that are more than one catalog lookup: messages with data in them,
// counts, the panel's inner order statuses, durations. Every word comes from messages/admin.ts.

/**
 * A catalog message (`admin.*`) whose `{vars}` are data — emails, names, amounts, order numbers —
 * put in as written and marked `translate="no"`: a translation (or a translating browser) leaves them
 * alone; `words` are filled in as plain text (a status word, itself from the catalog). Its text is
 * the same as `t(key, {...vars, ...words})`.
 */
export function said(
  key: MessageKey,
  vars: Record<string, ReactNode> = {},
  words: Record<string, string | number> = {},
): ReactNode {
  const parts = t(key, words).split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        if (!(part in vars)) return `{${part}}`;
        const value = vars[part];
        if (typeof value === 'number') return String(value);
        return (
          // The pieces never move: their index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <span key={i} translate="no">
            {value}
          </span>
        );
      })}
    </>
  );
}

/** `{n} order` or `{n} orders`, by the count (Bengali says both the same way). */
export function counted(n: number, one: MessageKey, other: MessageKey): string {
  return t(n === 1 ? one : other, { n: n.toLocaleString() });
}

const ORDER_STATUS_KEY: Record<string, MessageKey> = {
  pending: 'admin.status.pending',
  submitting: 'admin.status.submitting',
  needs_review: 'admin.status.needs_review',
  processing: 'admin.status.processing',
  in_progress: 'admin.status.in_progress',
  completed: 'admin.status.completed',
  partial: 'admin.status.partial',
  canceled: 'admin.status.canceled',
};

/** An order's status as the admin sees it (the inner ones too: Submitting, Needs review). */
export function orderStatusWord(s: string): string {
  const key = ORDER_STATUS_KEY[s];
  return key ? t(key) : s;
}

/** How a service is fulfilled: sent to a provider, or by hand. */
export function modeWord(mode: string): string {
  return mode === 'auto' ? t('admin.mode.auto') : mode === 'manual' ? t('admin.mode.manual') : mode;
}

/** `45 s`, `3 min 20 s`, `2 h 5 min`. */
export function durationText(s: number): string {
  if (s < 60) return t('admin.time.s', { s: Math.round(s) });
  if (s < 3600) return t('admin.time.min', { m: Math.floor(s / 60), s: Math.round(s % 60) });
  return t('admin.time.h', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

/**
 * A control named by a catalog phrase around a name that is data (`select {name}`): the phrase is
 * a hidden element (`wordId`), the name its own element marked `translate="no"` (`nameId`), and
 * `aria-labelledby` reads them in the order the language puts them. An `aria-label` could not keep
 * the name apart from the words.
 */
export function labelledBy(key: MessageKey, wordId: string, nameId: string): string {
  return t(key).trim().startsWith('{name}') ? `${nameId} ${wordId}` : `${wordId} ${nameId}`;
}

/** The hidden phrase `labelledBy` names a control with: the message without its `{name}`. */
export function LabelWord({ id, k }: { id: string; k: MessageKey }) {
  return (
    <span id={id} hidden>
      {t(k).replace('{name}', '').trim()}
    </span>
  );
}
