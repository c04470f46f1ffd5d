import { MAX_PENDING_DEPOSITS, TRANSACTION_ID_RE } from '@smm/domain/browser';
import { ApiError } from '../../api/client.ts';
import { t } from '../../lib/i18n.ts';
import { formatMoney, parseAmount } from '../../lib/money.ts';

export type DepositField = 'methodId' | 'amount' | 'transactionId' | 'senderNumber' | 'note';
const FIELDS: readonly DepositField[] = ['methodId', 'amount', 'transactionId', 'senderNumber', 'note'];

/** What is wrong with a deposit request, each problem once: on its field, or for the whole form. */
export interface DepositProblems {
  fields: Partial<Record<DepositField, string>>;
  form: string | null;
}

export const NO_PROBLEMS: DepositProblems = { fields: {}, form: null };

/** What the form says, in the language chosen when it is said. */
export const TEXT = {
  get methodId() {
    return t('funds.err.methodId');
  },
  get methodGone() {
    return t('funds.err.methodGone');
  },
  get amount() {
    return t('funds.err.amount');
  },
  get transactionId() {
    return t('funds.err.transactionId');
  },
  get duplicate() {
    return t('funds.err.duplicate');
  },
  tooMany: (n: number) => t('funds.err.tooMany', { n }),
  get rateLimited() {
    return t('funds.err.rateLimited');
  },
  get network() {
    return t('funds.err.network');
  },
  get senderNumber() {
    return t('funds.err.senderNumber');
  },
};

/** The form's values as typed. */
export interface DepositInput {
  methodId: string;
  amount: string;
  transactionId: string;
}

/** The shape checks the page can make before asking (the server judges the rest, the range too). */
export function checkDepositShape(v: DepositInput): DepositProblems {
  const fields: DepositProblems['fields'] = {};
  if (!v.methodId) fields.methodId = TEXT.methodId;
  if (parseAmount(v.amount) === null) fields.amount = TEXT.amount;
  if (!TRANSACTION_ID_RE.test(v.transactionId.trim())) fields.transactionId = TEXT.transactionId;
  return { fields, form: null };
}

export function hasProblems(p: DepositProblems): boolean {
  return p.form !== null || Object.keys(p.fields).length > 0;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** `body.transactionId` → `transactionId`, when it is one of the form's fields. */
function formField(field: string): DepositField | null {
  const name = field.replace(/^body\./, '');
  return (FIELDS as readonly string[]).includes(name) ? (name as DepositField) : null;
}

/** POST /api/user/deposits's refusal in plain words, on the field it concerns. */
export function depositProblems(e: unknown): DepositProblems {
  if (!(e instanceof ApiError)) return { fields: {}, form: e instanceof Error ? e.message : String(e) };
  const d = record(e.details);
  switch (e.code) {
    case 'DUPLICATE_TRANSACTION':
      return { fields: { transactionId: TEXT.duplicate }, form: null };
    case 'AMOUNT_OUT_OF_RANGE': {
      const currency = typeof d.currency === 'string' ? d.currency : null;
      const min = typeof d.min === 'string' ? formatMoney(d.min, currency) : null;
      const max = typeof d.max === 'string' ? formatMoney(d.max, currency) : null;
      const amount =
        min && max
          ? t('funds.err.range', { min, max })
          : min
            ? t('funds.err.atLeast', { min })
            : max
              ? t('funds.err.atMost', { max })
              : t('funds.err.outOfRange');
      return { fields: { amount }, form: null };
    }
    case 'TOO_MANY_PENDING_DEPOSITS': {
      const n = [d.limit, d.max, d.pending].find((x) => typeof x === 'number') as number | undefined;
      return { fields: {}, form: TEXT.tooMany(n ?? MAX_PENDING_DEPOSITS) };
    }
    case 'NOT_FOUND':
      return { fields: { methodId: TEXT.methodGone }, form: null };
    case 'RATE_LIMITED':
      return { fields: {}, form: TEXT.rateLimited };
    case 'NETWORK':
      return { fields: {}, form: TEXT.network };
    case 'VALIDATION_ERROR': {
      const fields: DepositProblems['fields'] = {};
      const other: string[] = [];
      for (const f of e.fields) {
        const name = formField(f.field);
        if (!name) other.push(`${f.field}: ${f.message}`);
        else if (fields[name]) continue;
        else if (name === 'amount') fields.amount = TEXT.amount;
        else if (name === 'transactionId') fields.transactionId = TEXT.transactionId;
        else if (name === 'methodId') fields.methodId = TEXT.methodId;
        else if (name === 'senderNumber') fields.senderNumber = TEXT.senderNumber;
        else fields[name] = f.message;
      }
      const form =
        other.length > 0 || Object.keys(fields).length === 0 ? [e.message, ...other].join(' — ') : null;
      return { fields, form };
    }
    default:
      return { fields: {}, form: e.message };
  }
}
