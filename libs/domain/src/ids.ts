import { randomBytes } from 'node:crypto';

export const ID_PREFIXES = {
  user: 'usr',
  order: 'ord',
  service: 'svc',
  category: 'cat',
  provider: 'prv',
  ledger: 'led',
  activity: 'act',
  refill: 'rfl',
  paymentMethod: 'pmt',
  deposit: 'dep',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

// Crockford base32: sortable as text, no ambiguous letters, never ':'.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastTime = 0;
let lastRandom: number[] = [];

/**
 * Prefixed, time-sortable id (`ord_01jc…`): 10 chars of millisecond time + 16 random chars.
 * Within one millisecond the random part is incremented, so ids made by one process stay sorted.
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  let rand: number[];
  if (now === lastTime && lastRandom.length === 16) {
    rand = increment(lastRandom);
  } else {
    const bytes = randomBytes(16);
    rand = Array.from(bytes, (b) => b & 31);
  }
  lastTime = now;
  lastRandom = rand;
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${rand.map((i) => ALPHABET[i]).join('')}`;
}

function encodeTime(t: number): string {
  let out = '';
  let n = t;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

function increment(digits: number[]): number[] {
  const out = [...digits];
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i]! < 31) {
      out[i] = out[i]! + 1;
      return out;
    }
    out[i] = 0;
  }
  return out;
}

const ID_RE = new RegExp(`^(${Object.values(ID_PREFIXES).join('|')})_[0-9a-hjkmnp-tv-z]{26}$`);

export function isId(value: unknown, kind?: IdKind): value is string {
  if (typeof value !== 'string' || !ID_RE.test(value)) return false;
  return kind === undefined || value.startsWith(`${ID_PREFIXES[kind]}_`);
}
