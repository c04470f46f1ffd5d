import type { ProviderErrorKind } from './errors.ts';

/**
 * Who a provider's refusal text blames. The one rule list: the forwarder, refill/cancel handling and
 * status sync all read a refusal through `classifyRefusal`.
 *
 * - `order`: the order itself is wrong (service id, link or target, quantity/min/max, comments,
 *   runs/interval): nothing was created and never will be — cancel and refund.
 * - `account`: the panel's own account or set-up at the provider (key, disabled API user, IP not
 *   allowed, banned/suspended, wrong URL or method): the panel's misconfiguration, never the
 *   customer's fault — the order waits and the provider is flagged for an admin.
 * - `capacity`: funds, an active order for the link, limits, maintenance: the order waits, flagged.
 * - `rate_limit`: slow down and try again.
 * - `unsupported`: the provider does not offer this action (refill/cancel "This action is Invalid").
 * - `provider_crash`: a server error dressed as a refusal (PHP timeouts, SQL errors): the provider
 *   may have acted before it crashed — ambiguous.
 * - `unknown`: anything else: the order waits with backoff and, after a few rounds, goes to review.
 *
 * Only phrases that plainly blame the order cancel: a text that merely contains "service", "max"
 * or "post" is not enough. When in doubt a text is `unknown` — never `order`.
 */
export const REFUSAL_FAULTS = [
  'order',
  'account',
  'capacity',
  'rate_limit',
  'unsupported',
  'provider_crash',
  'unknown',
] as const;
export type RefusalFault = (typeof REFUSAL_FAULTS)[number];

const SOCIAL = 'instagram|tiktok|youtube|facebook|twitter|telegram|spotify|twitch|threads|linkedin|snapchat';

// Order matters: the first rule that matches wins.
const RULES: ReadonlyArray<readonly [RegExp, RefusalFault]> = [
  // A crash is not a refusal: the provider may have created the order before it failed.
  [
    /execution time|memory size|allowed memory|sqlstate|fatal error|stack trace|uncaught|exception|syntax error|mysql|database error|internal server error|gateway time-?out|bad gateway/i,
    'provider_crash',
  ],
  // The order's target (the account or post behind the link) — not our account.
  [
    new RegExp(
      `\\b(account|profile|user|page|channel|post|video)\\b[^.]*\\b(in|of|from) (the|your|this) (link|url|order)|@[a-z0-9_.]{2,}|\\b(${SOCIAL}) (account|profile|user|page|channel|post|video)`,
      'i',
    ),
    'order',
  ],
  // Our own set-up at the provider.
  [
    /api[\s_-]*key|\b(invalid|incorrect|wrong|bad) key\b|\bkey\b[^.]*\b(invalid|incorrect|wrong|expired)|\bapi (is )?(disabled?|not (enabled|active|allowed))|api access|(reseller )?api\b[^.]*\b(disabled|not enabled|not allowed) for|user not found|(user|account|client) (does not|doesn'?t) exist|\b(your|panel|reseller) account\b[^.]*\b(banned|suspended|blocked|disabled|inactive|deactivated|not active|closed)|\b(user|client|account) (is|has been) (banned|suspended|blocked|disabled|deactivated)|\b(banned|suspended)\b(?![^.]*\b(link|url|target)\b)|\bip\b[^.]*\b(not allowed|not whitelisted|blocked|denied|not authori[sz]ed)|whitelist|unauthori[sz]ed|not authori[sz]ed|access denied|forbidden|permission denied|authentication failed|invalid token|api url|only post|post requests?|request method|method not allowed/i,
    'account',
  ],
  [
    /too many (requests|attempts|calls)|rate[\s_-]*limit|slow down|try again (later|in \d)|requests? per (second|minute|hour)|(max|maximum) (number of )?requests/i,
    'rate_limit',
  ],
  [
    /fund|balance|insufficient|payment|deposit|active order|already (have|has) an? (active )?order|wait until|maintenance|temporar|busy|overload|unavailable|(service|server|provider|site|system) (is )?down|limit (reached|exceeded)|daily limit|disabled for now|paused|try later/i,
    'capacity',
  ],
  [
    /action is invalid|invalid action|incorrect action|unknown action|not supported|unsupported|(refill|cancel)\w* (is )?(disabled|not (available|allowed|possible))/i,
    'unsupported',
  ],
  // The order's own fault, in the phrases panels use.
  [
    /\b(incorrect|invalid|wrong|unknown|bad) service\b|\bservice( id)? (not found|does not exist|doesn'?t exist|is (disabled|inactive|not active|closed))|no such service/i,
    'order',
  ],
  [
    /\b(incorrect|invalid|wrong|bad|broken|missing) (link|url)\b|\b(link|url) (is )?(invalid|incorrect|not valid|not found|required|missing)|\bprivate (account|profile|post|video|page)|\b(account|profile|post|video|page|channel|username) (is )?(private|not found|unavailable|does not exist|doesn'?t exist)|(incorrect|invalid) username/i,
    'order',
  ],
  [
    /\bquantity\b|\b(less|more) than (minimal|maximal|minimum|maximum)\b|\b(min|max)(imum|imal)? (quantity|amount|order)/i,
    'order',
  ],
  [/comment|\bruns?\b|\binterval\b|drip-?feed/i, 'order'],
];

export interface Refusal {
  fault: RefusalFault;
  kind: ProviderErrorKind;
}

/**
 * A provider's refusal text → who is at fault and what may happen next. `unsupported` means a hard
 * "no" for a refill or cancel request, but for an `add` the provider refusing the action itself is a
 * configuration problem on our side (a wrong URL or API), so it waits like an account problem.
 */
export function classifyRefusal(text: string, action = 'add'): Refusal {
  const fault = RULES.find(([re]) => re.test(text))?.[1] ?? 'unknown';
  return { fault, kind: kindOf(fault, action) };
}

function kindOf(fault: RefusalFault, action: string): ProviderErrorKind {
  switch (fault) {
    case 'order':
      return 'rejected_hard';
    case 'rate_limit':
      return 'rate_limited';
    case 'provider_crash':
      return 'ambiguous';
    case 'unsupported':
      return action === 'add' ? 'rejected_soft' : 'rejected_hard';
    default:
      return 'rejected_soft';
  }
}

/** A refusal about the whole account or call, never about the one order a multi reply names. */
export function isAccountWide(text: string): boolean {
  const { fault } = classifyRefusal(text, 'status');
  return (
    fault === 'account' || fault === 'rate_limit' || fault === 'provider_crash' || /fund|balance/i.test(text)
  );
}
