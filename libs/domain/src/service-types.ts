/**
 * What a service type means for selling and sending it. The one place that knows which types the
 * panel can send correctly: every other rule (pricing, intake, `add` parameters, refunds, import)
 * asks here.
 *
 * - `default`: quantity units, priced per 1000; with the service's drip-feed flag also runs/interval.
 * - `package`: one fixed bundle per order, priced per order; remains are not units of the order.
 * - `custom_comments`: one unit per comment line, priced per 1000.
 * - `custom_comments_package`: a fixed bundle that also carries the comment lines, priced per order.
 * - `unsupported`: a type whose parameters the panel cannot send (Subscriptions, Poll, Mentions…):
 *   imported inactive, never sold, never sent as Default.
 */
export const SERVICE_KINDS = [
  'default',
  'package',
  'custom_comments',
  'custom_comments_package',
  'unsupported',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Provider type words (lower case, no spaces, dashes or underscores) → the canonical spelling. */
const CANONICAL_TYPES: Record<string, string> = {
  default: 'Default',
  package: 'Package',
  customcomments: 'Custom Comments',
  customcommentspackage: 'Custom Comments Package',
  mentions: 'Mentions',
  mentionswithhashtags: 'Mentions with Hashtags',
  mentionscustomlist: 'Mentions Custom List',
  mentionshashtag: 'Mentions Hashtag',
  mentionsuserfollowers: 'Mentions User Followers',
  mentionsmedialikers: 'Mentions Media Likers',
  commentlikes: 'Comment Likes',
  commentreplies: 'Comment Replies',
  poll: 'Poll',
  subscriptions: 'Subscriptions',
  seo: 'SEO',
  invitesfromgroups: 'Invites from Groups',
};

const KIND_BY_CANONICAL: Record<string, ServiceKind> = {
  Default: 'default',
  Package: 'package',
  'Custom Comments': 'custom_comments',
  'Custom Comments Package': 'custom_comments_package',
};

function typeKey(raw: string): string {
  return raw.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Service types compare case- and space-insensitively; unknown words keep the provider's spelling. */
export function normalizeServiceType(raw: string | null | undefined): string {
  const t = (raw ?? '').trim();
  if (t === '') return 'Default';
  return CANONICAL_TYPES[typeKey(t)] ?? t;
}

export function serviceKind(type: string): ServiceKind {
  return KIND_BY_CANONICAL[normalizeServiceType(type)] ?? 'unsupported';
}

/** Null when the panel can sell and send the type; otherwise why not, in words an admin reads. */
export function unsupportedTypeReason(type: string): string | null {
  return serviceKind(type) === 'unsupported'
    ? `service type "${normalizeServiceType(type)}" cannot be sent by this panel (only Default, Package, Custom Comments, Custom Comments Package)`
    : null;
}

/** One bundle per order: priced per order, quantity always 1, remains are not units of the order. */
export function isPackageService(type: string): boolean {
  const k = serviceKind(type);
  return k === 'package' || k === 'custom_comments_package';
}

/** The order carries comment lines (one per line). */
export function takesComments(type: string): boolean {
  const k = serviceKind(type);
  return k === 'custom_comments' || k === 'custom_comments_package';
}

/** Drip-feed (runs × interval) only for plain quantity services that offer it. */
export function allowsDripFeed(type: string, dripfeedFlag: boolean): boolean {
  return dripfeedFlag && serviceKind(type) === 'default';
}

/**
 * The quantity a customer orders on one line, checked against the service: a package is one
 * bundle, Custom Comments count their lines.
 */
export function quantityRange(type: string, minOrder: number, maxOrder: number): [number, number] {
  return isPackageService(type) ? [1, 1] : [minOrder, maxOrder];
}

/** What an order delivers in total (and what remains and refunds are measured against). */
export function deliveredUnits(line: { qty: number; runs?: number | null | undefined }): number {
  return line.qty * (line.runs ?? 1);
}

/** Comments as panels read them: one per line, trimmed, blank lines dropped. */
export function commentLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
