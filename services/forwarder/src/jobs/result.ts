import type { JobResult } from '@smm/queue';

/**
 * What a forward-order job returns: the catalog's result schema, which the admin forward route reads.
 * Outcomes that end in a thrown error instead: not_sent/rate_limited (BullMQ retries; the order is
 * `pending`) and ambiguous (UnrecoverableError `needs_review: …`). After a failure the order row is the truth.
 */
export type ForwardResult = JobResult<'forward-order'>;
