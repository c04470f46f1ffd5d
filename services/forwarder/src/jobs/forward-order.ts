import {
  cancelRejected,
  currentStatus,
  type DbClient,
  deferOrder,
  type ForwardedInput,
  type ForwardedWrite,
  markNeedsReview,
  recordStaleReply,
  recordWaiting,
  releaseForRetry,
  type SoftInput,
} from '@smm/db';
import { type OrderStatus, providerProblem, REVIEW_KIND, unsupportedTypeReason } from '@smm/domain';
import { jobLogger, type Logger } from '@smm/logger';
import {
  type AddResult,
  addParamsFor,
  asProviderError,
  nextStep,
  type ProviderClient,
  type ProviderClients,
  type ProviderError,
} from '@smm/provider-client';
import {
  enqueue,
  forwardJobId,
  isLastAttempt,
  jitter,
  type Producer,
  retryWrite,
  softRejectDelay,
  type TypedJob,
  UnrecoverableError,
  waitUntil,
} from '@smm/queue';
import type { Batcher } from '../batcher.ts';
import type { ForwarderMetrics } from '../metrics.ts';
import { type ProviderSlotDeps, takeProviderSlot, waitForSlot } from '../provider-slot.ts';
import type { ForwarderSettings } from '../settings.ts';
import { countsAsNoAnswer, recordAnswer, recordNoAnswer, takeProbe } from './breaker.ts';
import {
  blockedReason,
  type Claim,
  type ClaimInput,
  type OrderTarget,
  type TargetInput,
} from './claim-order.ts';
import { errorRecord } from './outcomes.ts';
import type { ForwardResult } from './result.ts';

export interface ForwardDeps {
  sql: DbClient['sql'];
  /** findOrderTargets, claimOrders and markForwardedMany, shared by the jobs running at the same moment. */
  targets: Batcher<TargetInput, OrderTarget | null>;
  claims: Batcher<ClaimInput, Claim | null>;
  forwardedWrites: Batcher<ForwardedInput, ForwardedWrite>;
  /** The provider's concurrency slots (across replicas) and this process's share of its pool. */
  slot: ProviderSlotDeps;
  clients: ProviderClients;
  /** For the delayed follow-up job of a waiting order. */
  producer: Producer;
  metrics: ForwarderMetrics;
  logger: Logger;
  settings: ForwarderSettings;
}

type ForwardJob = TypedJob<'forward-order'>;
type JobLog = () => Logger;

/**
 * The forward-order processor (architecture.md#jobs): claim the order in one guarded statement, call `add` exactly
 * once, record the outcome by its classification. Nothing here ever calls `add` for an order this
 * job did not itself move out of `pending`, so a retried, duplicated or stalled job cannot send twice.
 */
export function forwardOrderProcessor(deps: ForwardDeps) {
  return async (job: ForwardJob, token?: string): Promise<ForwardResult> => {
    deps.metrics.inFlight.inc();
    try {
      return await forward(deps, job, token, lazyJobLogger(deps.logger, job));
    } finally {
      deps.metrics.inFlight.dec();
    }
  };
}

async function forward(deps: ForwardDeps, job: ForwardJob, token: string | undefined, log: JobLog) {
  const { orderId, adminForward } = job.data;
  const target = await deps.targets.load({ orderId, adminProviderId: adminForward?.providerId });
  if (!target) return missingOrder(deps, orderId);
  if (target.status !== 'pending') return notPending(deps, target.status, target.providerOrderId);
  // The order's own snapshot of what was sold: a type the panel cannot send is never sent, not as Default.
  const unsupported = unsupportedTypeReason(target.serviceType);
  if (unsupported !== null) return waiting(deps, log, orderId, unsupported);
  if (target.providerId === null) return waiting(deps, log, orderId, 'the service has no provider');
  const providerId = target.providerId;
  // Is this provider usable (active, https unless allowed): the one rule, before any slot is taken.
  const problem =
    target.providerStatus === null ? null : providerProblem(target, deps.settings.allowInsecureProviderUrls);
  if (problem) {
    return defer(deps, job, log, {
      from: { status: 'pending' },
      providerId,
      error: problem.reason,
      flagReason: problem.reason,
      unknownText: false,
      record: { reason: problem.reason },
    });
  }
  // The circuit breaker: a provider that keeps not answering gets no new order until its cool-down
  // ends, then one probe. An admin's explicit forward is their decision and goes anyway.
  if (!adminForward) await passBreaker(deps, job, token, providerId, target);

  const input: ClaimInput = {
    orderId,
    providerId,
    adminForward: adminForward !== undefined,
  };
  const slot = await takeProviderSlot(deps.slot, providerId, log);
  if (!slot) {
    deps.metrics.job('limited');
    return waitForSlot(deps.slot, job, token);
  }
  try {
    const claim = await deps.claims.load(input);
    if (!claim) return missingOrder(deps, orderId);
    if (!claim.claimed) return await unclaimed(deps, job, log, claim, input);
    return await send(deps, job, log, claim, input.providerId);
  } finally {
    await slot.release();
  }
}

/** Returns when the order may go; otherwise the job waits out the breaker (delayed, no attempt used). */
async function passBreaker(
  deps: ForwardDeps,
  job: ForwardJob,
  token: string | undefined,
  providerId: string,
  target: OrderTarget,
): Promise<void> {
  const { tripAfter, tripCooldownMs } = deps.settings;
  const tripped = target.ambiguousStreak >= tripAfter;
  if (!tripped && target.breakerWaitMs <= 0) return;
  if (
    target.breakerWaitMs <= 0 &&
    (await takeProbe(deps.sql, providerId, { tripAfter, cooldownMs: tripCooldownMs }))
  ) {
    return;
  }
  deps.metrics.job('breaker_open');
  const waitMs = Math.max(target.breakerWaitMs, deps.settings.limitRetryMs);
  await waitUntil(
    job,
    token,
    Date.now() + Math.min(waitMs, tripCooldownMs) + jitter(deps.settings.limitRetryMs),
  );
}

/** The order was not moved to submitting: say why, and never call the provider. */
async function unclaimed(
  deps: ForwardDeps,
  job: ForwardJob,
  log: JobLog,
  claim: Claim,
  input: ClaimInput,
): Promise<ForwardResult> {
  if (claim.status !== 'pending') return notPending(deps, claim.status, claim.providerOrderId);
  const blocked = blockedReason(claim, input);
  if (!blocked) {
    // Another job claimed it between our read and our update.
    const now = await currentStatus(deps.sql, input.orderId);
    return notPending(deps, now?.status ?? 'submitting', now?.providerOrderId ?? null);
  }
  switch (blocked.next) {
    case 'wait':
      return waiting(deps, log, input.orderId, blocked.reason);
    case 'retry':
      // Nothing was sent; BullMQ runs the job again, which reads the service's provider anew.
      deps.metrics.job('retry');
      throw new Error(`not sent: ${blocked.reason}`);
    case 'defer':
      return defer(deps, job, log, {
        from: { status: 'pending' },
        providerId: input.providerId,
        error: blocked.reason,
        flagReason: blocked.reason,
        unknownText: false,
        record: { reason: blocked.reason },
      });
  }
}

async function send(
  deps: ForwardDeps,
  job: ForwardJob,
  log: JobLog,
  claim: Claim,
  providerId: string,
): Promise<ForwardResult> {
  const { orderId } = job.data;
  let client: ProviderClient;
  try {
    client = deps.clients.get({ id: providerId, apiUrl: claim.apiUrl!, apiKeyEnc: claim.apiKeyEnc! });
  } catch (err) {
    log().error({ err }, 'cannot decrypt the provider API key');
    const reason = err instanceof Error ? err.message : 'cannot decrypt the provider API key';
    return defer(deps, job, log, {
      from: { status: 'submitting', attempt: claim.attempt },
      providerId,
      error: reason,
      flagReason: reason,
      unknownText: false,
      record: { reason },
    });
  }
  const params = addParamsFor({
    providerServiceId: claim.providerServiceId!,
    serviceType: claim.serviceType,
    link: claim.link,
    quantity: claim.quantity,
    runs: claim.runs,
    interval: claim.interval,
    comments: claim.comments,
  });

  let added: AddResult;
  try {
    added = await client.add(params);
  } catch (e) {
    return failed(deps, job, log, providerId, claim, asProviderError(e, 'add'));
  }
  return forwarded(deps, log, orderId, providerId, claim.attempt, added);
}

async function forwarded(
  deps: ForwardDeps,
  log: JobLog,
  orderId: string,
  providerId: string,
  attempt: number,
  added: AddResult,
): Promise<ForwardResult> {
  const { providerOrderId } = added;
  if (added.anomaly) log().warn({ providerOrderId, anomaly: added.anomaly }, 'accepted with an odd reply');
  const write: ForwardedInput = {
    orderId,
    providerId,
    providerOrderId,
    attempt,
    reply: added.reply,
    anomaly: added.anomaly,
    firstStatusCheckMs: deps.settings.firstStatusCheckMs,
  };
  let outcome: ForwardedWrite;
  try {
    outcome = await retryWrite(() => deps.forwardedWrites.load(write));
  } catch (err) {
    // The provider has the order and we could not write it down: never re-send; an admin attaches the id.
    log().error({ err, providerOrderId }, 'forwarded but not recorded; the order will go to review');
    deps.metrics.job('error');
    throw new UnrecoverableError(
      `needs_review: forwarded as provider order ${providerOrderId} but could not record it`,
    );
  }
  if (outcome === 'duplicate') {
    deps.metrics.job('needs_review');
    log().warn({ providerOrderId }, 'provider answered an order id another order holds: needs review');
    return {
      status: 'needs_review',
      providerOrderId,
      error: `the provider answered order id ${providerOrderId}, which another order already holds`,
    };
  }
  if (outcome === null) {
    const now = await currentStatus(deps.sql, orderId);
    await retryWrite(() => recordStaleReply(deps.sql, write, now?.status ?? null)).catch(() => {});
    log().error({ providerOrderId, status: now?.status }, 'forwarded, but the order had already moved on');
    deps.metrics.job('error');
    return {
      status: now?.status ?? 'submitting',
      providerOrderId,
      error: `provider order ${providerOrderId} created, but the order was already ${now?.status}`,
    };
  }
  deps.metrics.job('forwarded');
  return { status: 'processing', providerOrderId };
}

async function failed(
  deps: ForwardDeps,
  job: ForwardJob,
  log: JobLog,
  providerId: string,
  claim: Claim,
  e: ProviderError,
): Promise<ForwardResult> {
  const { orderId } = job.data;
  const error = e.providerMessage ?? e.message;
  const base = { orderId, providerId, attempt: claim.attempt, error, record: errorRecord(e) };
  await noteBreaker(deps, log, providerId, e);
  switch (nextStep(e)) {
    case 'retry': {
      await retryWrite(() => releaseForRetry(deps.sql, base));
      deps.metrics.job('retry');
      const attempt = job.attemptsMade + 1;
      if (isLastAttempt(job)) {
        log().warn(
          { kind: e.kind, attempt },
          'not sent, attempts used up: the order stays pending for repair',
        );
      } else {
        log().info({ kind: e.kind, attempt }, 'not sent; retrying later (provider-retry backoff)');
      }
      throw e;
    }
    case 'wait': {
      const unknownText = e.fault === undefined || e.fault === 'unknown';
      // Words no rule knows: wait, but not forever — after a few rounds an admin reads them.
      if (unknownText && claim.softRejections + 1 >= deps.settings.maxSoftRounds) {
        const reason = `the provider keeps refusing with words no rule knows (${claim.softRejections + 1} times): ${error}`;
        await retryWrite(() =>
          markNeedsReview(deps.sql, { ...base, error: reason }, REVIEW_KIND.unknownRefusal),
        );
        deps.metrics.job('needs_review');
        log().warn({ error }, 'unknown refusal repeated: needs review');
        return { status: 'needs_review', error: reason };
      }
      const flagReason =
        e.fault === 'account'
          ? `refuses our account (fix the key/account at the provider): ${error}`
          : `refused orders: ${error}`;
      return defer(deps, job, log, {
        ...base,
        from: { status: 'submitting', attempt: claim.attempt },
        flagReason,
        unknownText,
      });
    }
    case 'refuse': {
      const done = await retryWrite(() => cancelRejected(deps.sql, base));
      deps.metrics.job('hard_rejected');
      if (!done) {
        const now = await currentStatus(deps.sql, orderId);
        return { status: now?.status ?? 'submitting', error };
      }
      log().info({ error, refunded: done.refunded }, 'provider rejected the order: canceled and refunded');
      return { status: 'canceled', error, refunded: done.refunded };
    }
    case 'review': {
      // A request that reached the provider and got no answer is "sent, no answer", not "unreachable".
      const kind = e.code && !e.httpStatus ? REVIEW_KIND.sentNoAnswer : REVIEW_KIND.ambiguousReply;
      await retryWrite(() => markNeedsReview(deps.sql, base, kind));
      deps.metrics.job('needs_review');
      log().warn({ err: e }, 'the provider may or may not have the order: needs review');
      throw new UnrecoverableError(`needs_review: ${e.message}`);
    }
  }
}

/** Every call's outcome moves the provider's breaker: no answer counts up (and may trip it), an answer resets it. */
async function noteBreaker(
  deps: ForwardDeps,
  log: JobLog,
  providerId: string,
  e: ProviderError,
): Promise<void> {
  const { tripAfter, tripCooldownMs } = deps.settings;
  try {
    if (countsAsNoAnswer(e)) {
      const b = await recordNoAnswer(deps.sql, providerId, { tripAfter, cooldownMs: tripCooldownMs });
      if (b.tripped)
        log().warn(
          { providerId, streak: b.streak },
          'provider tripped: no new orders until the cool-down ends',
        );
    } else if (e.kind !== 'not_sent') {
      await recordAnswer(deps.sql, providerId);
    }
  } catch (err) {
    // The breaker is a guard on the next orders; failing to move it must not change this order's fate.
    log().warn({ err }, 'could not update the provider breaker');
  }
}

type DeferInput = Omit<SoftInput, 'orderId'> & { providerId: string };

/**
 * The order waits: pending again in its next forward round, whose job is enqueued with the soft
 * delay (growing with each refusal of words no rule knows). A job of its own (not this one delayed)
 * so that whoever waits for this job — the admin forward route — gets the answer now. If the enqueue
 * fails the order is still pending, which is what the repair job re-enqueues.
 */
async function defer(deps: ForwardDeps, job: ForwardJob, log: JobLog, d: DeferInput): Promise<ForwardResult> {
  const { orderId } = job.data;
  const moved = await retryWrite(() => deferOrder(deps.sql, { orderId, ...d }));
  if (moved === null) {
    const now = await currentStatus(deps.sql, orderId);
    return notPending(deps, now?.status ?? 'submitting', now?.providerOrderId ?? null);
  }
  deps.metrics.job('soft_rejected');
  const delay = softRejectDelay(
    moved.softRejections,
    deps.settings.softRejectDelayMs,
    deps.settings.backoffMaxMs,
  );
  const retryAt = new Date(Date.now() + delay).toISOString();
  try {
    await enqueue(deps.producer, 'forward-order', job.data, {
      jobId: forwardJobId(orderId, moved.forwardRound),
      delay,
    });
  } catch (err) {
    log().warn({ err }, 'could not enqueue the delayed retry; the repair job will pick the order up');
  }
  log().warn({ reason: d.error, retryAt }, 'order waits: provider refused or unusable');
  return { status: 'pending', error: d.error, retryAt };
}

function notPending(deps: ForwardDeps, status: OrderStatus, providerOrderId: string | null): ForwardResult {
  deps.metrics.job('not_pending');
  return providerOrderId ? { status, providerOrderId } : { status };
}

/** The order cannot go automatically: it waits for an admin, and says why on the order itself. */
async function waiting(
  deps: ForwardDeps,
  log: JobLog,
  orderId: string,
  reason: string,
): Promise<ForwardResult> {
  deps.metrics.job('waiting');
  log().warn({ reason }, 'order cannot be forwarded automatically');
  await recordWaiting(deps.sql, orderId, reason).catch((err: unknown) =>
    log().warn({ err }, 'could not record why the order waits'),
  );
  return { status: 'pending', error: reason };
}

/**
 * The job's child logger, built on first use: most jobs log nothing, and building a pino child (with
 * its redaction) for each of a thousand jobs a second is measurable.
 */
function lazyJobLogger(logger: Logger, job: ForwardJob): JobLog {
  let child: Logger | undefined;
  return () => {
    child ??= jobLogger(logger, job);
    return child;
  };
}

function missingOrder(deps: ForwardDeps, orderId: string): never {
  deps.metrics.job('error');
  throw new UnrecoverableError(`order ${orderId} does not exist`);
}
