import type { ProviderErrorKind } from './errors.ts';

/**
 * Who a provider's refusal text blames. The one rule list: the forwarder, refill/cancel handling and
 * status sync all read a refusal through `classifyRefusal`.
 *
 * - `order`: the order itself is wrong (service id, link, quantity/min/max, comments, runs/interval):
 *   nothing was created and never will be — cancel and refund.
 * - `account`: the panel's own account at the provider (key, disabled API user, IP not allowed,
 *   banned/suspended): the panel's misconfiguration, never the customer's fault — the order waits and
 *   the provider is flagged for an admin.
 * - `capacity`: funds, an active order for the link, limits, maintenance: the order waits, flagged.
 * - `rate_limit`: slow down and try again.
 * - `unsupported`: the provider does not offer this action (refill/cancel "This action is Invalid").
 * - `unknown`: anything else: the order waits with backoff and, after a few rounds, goes to review —
 *   an unknown text never cancels.
 */
export const REFUSAL_FAULTS = [
  'order',
  'account',
  'capacity',
  'rate_limit',
  'unsupported',
  'unknown',
] as const;
export type RefusalFault = (typeof REFUSAL_FAULTS)[number];

// Order matters: the first rule that matches wins. Account texts come first because they often
// contain words of the order rules ("User Not Found", "API is Disable for this user").
const RULES: ReadonlyArray<readonly [RegExp, RefusalFault]> = [
  [
    /api[\s_-]*key|\bkey\b.*\b(invalid|incorrect|wrong)|api (is )?disabled?|api access|user not found|(user|account|client)\b.*\b(banned|suspended|blocked|disabled|inactive|deactivated|not active)|\b(banned|suspended)\b|\bip\b.*\b(not allowed|not whitelisted|blocked|denied|not authori[sz]ed)|whitelist|unauthori[sz]ed|not authori[sz]ed|access denied|forbidden|permission denied|authentication failed|invalid token/i,
    'account',
  ],
  [/too many (requests|attempts|calls)|rate[\s_-]*limit|slow down|try again (later|in \d)/i, 'rate_limit'],
  [
    /fund|balance|insufficient|payment|active order|already (have|has) an? (active )?order|wait until|maintenance|temporar|busy|overload|unavailable|limit (reached|exceeded)|daily limit|disabled for now|paused/i,
    'capacity',
  ],
  [
    /action is invalid|invalid action|incorrect action|unknown action|not supported|unsupported|(refill|cancel)\w* (is )?(disabled|not (available|allowed|possible))/i,
    'unsupported',
  ],
  [/\bservice\b/i, 'order'],
  [
    /\blink\b|\burl\b|username|profile|private|\bpost\b|\bvideo\b|\bchannel\b|\bpage\b.*(not found|invalid|incorrect)|doesn'?t exist|does not exist/i,
    'order',
  ],
  [/quantity|minimal|maximal|minimum|maximum|\bmin\b|\bmax\b/i, 'order'],
  [/comment|\bruns?\b|interval|drip/i, 'order'],
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
    case 'unsupported':
      return action === 'add' ? 'rejected_soft' : 'rejected_hard';
    default:
      return 'rejected_soft';
  }
}

/** A refusal about the whole account or call, never about the one order a multi reply names. */
export function isAccountWide(text: string): boolean {
  const { fault } = classifyRefusal(text, 'status');
  return fault === 'account' || fault === 'rate_limit' || /fund|balance/i.test(text);
}
