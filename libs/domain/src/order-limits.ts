/**
 * The bounds of one order line, shared by the gateway's intake (dto.ts, order-intake) and the web's
 * form. No imports: part of the browser entry (browser.ts).
 */
export const MAX_LINK_LENGTH = 2048;
export const MAX_MASS_ORDER_LINES = 100;

/** Drip-feed bounds: one run is no drip-feed; an interval over a day is no longer a feed. */
export const DRIP_FEED = { minRuns: 2, maxRuns: 1000, minInterval: 1, maxInterval: 1440 } as const;
/** One Custom Comments line, as providers commonly cap it. */
export const MAX_COMMENT_LENGTH = 500;
