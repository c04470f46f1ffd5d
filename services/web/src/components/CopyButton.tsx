import { type RefObject, useEffect, useState } from 'react';
import { t } from '../lib/i18n.ts';
import { Say } from './Say.tsx';

type Outcome = 'idle' | 'copied' | 'selected';

/** Selects the element's text, for a browser that will not let the page write the clipboard. */
function selectText(el: HTMLElement | null): boolean {
  const selection = window.getSelection();
  if (!el || !selection) return false;
  selection.selectAllChildren(el);
  return true;
}

/**
 * Copies `text` to the clipboard. Where the page may not (plain http other than localhost has no
 * navigator.clipboard; a browser may refuse), it selects the text of `target` for the user to copy.
 */
export function CopyButton(props: {
  text: string;
  target: RefObject<HTMLElement | null>;
  label?: string;
  /** What the button does, for a screen reader and the tooltip, when the label is short. */
  title?: string;
}) {
  const { text, target, label = t('copy.copy'), title } = props;
  const [outcome, setOutcome] = useState<Outcome>('idle');

  // A new text (a rotated key) was not copied yet; and "Copied" only lasts a moment.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `text` is what resets it
  useEffect(() => setOutcome('idle'), [text]);
  useEffect(() => {
    if (outcome === 'idle') return;
    const timer = setTimeout(() => setOutcome('idle'), 4000);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard here');
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome(selectText(target.current) ? 'selected' : 'idle');
    }
  }

  return (
    <button type="button" className="copy" onClick={copy} aria-live="polite" title={title}>
      {outcome === 'copied' ? (
        t('copy.copied')
      ) : outcome === 'selected' ? (
        <Say k="copy.selected" parts={{ keys: <kbd>Ctrl+C</kbd> }} />
      ) : (
        label
      )}
    </button>
  );
}
