import { type KeyboardEvent, useRef } from 'react';

export interface StatusTab {
  /** '' is All. */
  value: string;
  label: string;
  count: number;
  alert?: boolean;
}

interface Props {
  label: string;
  tabs: StatusTab[];
  value: string;
  onChange(value: string): void;
}

/**
 * Status tabs with counts, operable as a WAI-ARIA tablist: one tab stop, arrow keys (and Home/End)
 * move and choose, and focus stays on the tab the user is on while the list below reloads.
 */
export function StatusTabs({ label, tabs, value, onChange }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const at = Math.max(
    0,
    tabs.findIndex((t) => t.value === value),
  );

  function onKeyDown(e: KeyboardEvent) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    let next: number | null = null;
    if (step !== undefined) next = (at + step + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    e.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onChange(tab.value);
    refs.current[next]?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((t, i) => (
        <button
          key={t.value}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          aria-selected={i === at}
          tabIndex={i === at ? 0 : -1}
          data-status={t.value || 'all'}
          className={t.alert ? 'alert' : undefined}
          onClick={() => onChange(t.value)}
        >
          {t.label} <span className="count">{t.count}</span>
        </button>
      ))}
    </div>
  );
}
