import { useRef } from 'react';
import type { PaymentMethod } from '../../api/types.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { methodKindLabel } from '../../lib/format.ts';
import { t } from '../../lib/i18n.ts';
import { feeText, formatMoney } from '../../lib/money.ts';

interface Props {
  method: PaymentMethod;
  chosen: boolean;
  /** `focus`: move on to the amount (not after a copy, whose fallback is a text selection). */
  onChoose(focus: boolean): void;
}

/** Where to send the money: the account to copy, the method's own instructions, its limits and fee. */
export function PaymentMethodCard({ method: m, chosen, onChoose }: Props) {
  const account = useRef<HTMLElement>(null);
  const fee = feeText(m.feePercent);
  return (
    // The whole card picks the method for the form below; its button does the same from a keyboard.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the "Use this method" button is the keyboard path
    <article
      className={chosen ? 'method chosen' : 'method'}
      data-method-id={m.id}
      onClick={(e) => onChoose(!(e.target as HTMLElement).closest('button.copy'))}
    >
      <header>
        <h2 translate="no">{m.name}</h2>
        <span className="tag">{methodKindLabel(m.kind)}</span>
        <span className="tag">{m.currency}</span>
      </header>
      <div className="account-line">
        <span className="muted small">{t('funds.sendTo')}</span>
        <code ref={account} data-testid="method-account">
          {m.account}
        </code>
        <CopyButton text={m.account} target={account} />
      </div>
      {m.instructions.trim() && (
        <p className="instructions" data-testid="method-instructions" translate="no">
          {m.instructions}
        </p>
      )}
      <dl className="facts">
        <dt>{t('funds.limitsLabel')}</dt>
        <dd data-testid="method-limits">
          {formatMoney(m.minAmount)} – {formatMoney(m.maxAmount, m.currency)}
        </dd>
        {fee && (
          <>
            <dt>{t('funds.fee')}</dt>
            <dd data-testid="method-fee">{fee}</dd>
          </>
        )}
      </dl>
      <button type="button" className={chosen ? 'primary' : undefined} aria-pressed={chosen}>
        {chosen ? t('funds.chosen') : t('funds.use')}
      </button>
    </article>
  );
}
