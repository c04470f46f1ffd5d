import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Money: numeric(20,6), read as strings, never JS floats.
const money = (name: string) => numeric(name, { precision: 20, scale: 6 });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();
const updatedAt = () => ts('updated_at').notNull().defaultNow();

/**
 * Public numbers (architecture.md#public-numbers): what customers quote and what the SMM v2 API speaks,
 * one sequence per table, never reused, and never past 2^31 − 1 so child panels can keep it in an
 * `int(11)` column. The start (default 1000) can be moved forward by the migrate step (PUBLIC_NUMBER_START).
 */
const numberSequence = (name: string) =>
  pgSequence(name, { startWith: 1000, minValue: 1, maxValue: 2_147_483_647, increment: 1, cycle: false });
export const orderNumberSeq = numberSequence('orders_number_seq');
export const serviceNumberSeq = numberSequence('services_number_seq');
export const refillNumberSeq = numberSequence('refills_number_seq');
const publicNumber = (seq: string) =>
  bigint('number', { mode: 'number' })
    .notNull()
    .default(sql.raw(`nextval('${seq}')`));

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['user', 'admin'] })
      .notNull()
      .default('user'),
    balance: money('balance').notNull().default('0'),
    currency: text('currency', { enum: ['BDT', 'USD'] })
      .notNull()
      .default('BDT'),
    dollarRate: money('dollar_rate').notNull().default('120'),
    apiKeyHash: text('api_key_hash'),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_api_key_hash_unique').on(t.apiKeyHash),
    check('users_balance_non_negative', sql`${t.balance} >= 0`),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_dollar_rate_positive', sql`${t.dollarRate} > 0`),
  ],
);

export const categories = pgTable('categories', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  status: text('status', { enum: ['active', 'inactive'] })
    .notNull()
    .default('active'),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
});

export const apiProviders = pgTable('api_providers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  apiUrl: text('api_url').notNull(),
  /** AES-256-GCM ciphertext (iv.tag.data, base64); the plaintext never leaves the server. */
  apiKeyEnc: text('api_key_enc').notNull(),
  loginUser: text('login_user'),
  loginPassEnc: text('login_pass_enc'),
  status: text('status', { enum: ['active', 'inactive'] })
    .notNull()
    .default('active'),
  isCustom: boolean('is_custom').notNull().default(false),
  kind: text('kind', { enum: ['smm-v2'] })
    .notNull()
    .default('smm-v2'),
  lastBalance: money('last_balance'),
  lastBalanceCurrency: text('last_balance_currency'),
  lastBalanceAt: ts('last_balance_at'),
  maxConcurrency: integer('max_concurrency').notNull().default(10),
  /** Set when the provider refuses work for a reason an admin must fix (funds, key, limits). */
  flaggedAt: ts('flagged_at'),
  flagReason: text('flag_reason'),
  /** Status sync leaves this provider alone until then after a provider-wide failure. */
  syncBackoffUntil: ts('sync_backoff_until'),
  syncFailures: integer('sync_failures').notNull().default(0),
  /**
   * USD per one unit of the provider's balance currency, set by an admin: a provider that does not
   * bill in USD cannot be imported (its rates would be read as dollars) until this is set.
   */
  rateToUsd: numeric('rate_to_usd', { precision: 20, scale: 10 }),
  /** Consecutive `add` calls sent with no usable answer (timeouts, ambiguous replies). */
  ambiguousStreak: integer('ambiguous_streak').notNull().default(0),
  /**
   * The circuit breaker: tripped after PROVIDER_TRIP_AFTER calls in a row with no answer, no new `add`
   * goes out until then; after it, one probe order may (it pushes this forward while in flight).
   */
  breakerOpenUntil: ts('breaker_open_until'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const services = pgTable(
  'services',
  {
    id: text('id').primaryKey(),
    number: publicNumber('services_number_seq'),
    name: text('name').notNull(),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id),
    providerId: text('provider_id').references(() => apiProviders.id),
    providerName: text('provider_name'),
    providerServiceId: text('provider_service_id'),
    type: text('type').notNull().default('Default'),
    rate: money('rate'),
    rateUSD: money('rate_usd'),
    providerRate: money('provider_rate'),
    minOrder: integer('min_order').notNull().default(1),
    maxOrder: integer('max_order').notNull().default(1_000_000),
    mode: text('mode', { enum: ['auto', 'manual'] })
      .notNull()
      .default('auto'),
    status: text('status', { enum: ['active', 'inactive'] })
      .notNull()
      .default('active'),
    refill: boolean('refill').notNull().default(false),
    cancel: boolean('cancel').notNull().default(false),
    dripfeed: boolean('dripfeed').notNull().default(false),
    description: text('description'),
    /** An admin set the price by hand: re-imports leave rate and rateUSD alone. */
    priceLocked: boolean('price_locked').notNull().default(false),
    /** An admin disabled the service: re-imports never turn it back on. */
    disabledByAdmin: boolean('disabled_by_admin').notNull().default(false),
    /** Why an inactive service is inactive (unsupported type, dropped by the provider, the admin). */
    statusReason: text('status_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('services_category_idx').on(t.categoryId),
    uniqueIndex('services_number_unique').on(t.number),
    uniqueIndex('services_provider_service_unique').on(t.providerId, t.providerServiceId),
    check('services_min_max', sql`${t.minOrder} >= 1 AND ${t.maxOrder} >= ${t.minOrder}`),
    check('services_has_rate', sql`${t.rate} IS NOT NULL OR ${t.rateUSD} IS NOT NULL`),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    number: publicNumber('orders_number_seq'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id),
    providerId: text('provider_id').references(() => apiProviders.id),
    providerOrderId: text('provider_order_id'),
    link: text('link').notNull(),
    quantity: integer('quantity').notNull(),
    /** What was sold, fixed at intake: the type decides the add parameters and the refund rule. */
    serviceType: text('service_type').notNull(),
    /** What the order delivers in total (quantity × runs): remains and refunds are measured against it. */
    units: bigint('units', { mode: 'number' }).notNull(),
    /** Drip-feed and custom-comment extras, forwarded as the provider's add parameters. */
    runs: integer('runs'),
    interval: integer('interval'),
    comments: text('comments'),
    price: money('price').notNull(),
    currency: text('currency', { enum: ['BDT', 'USD'] }).notNull(),
    bdtPrice: money('bdt_price').notNull(),
    usdPrice: money('usd_price').notNull(),
    providerCharge: money('provider_charge'),
    providerCurrency: text('provider_currency'),
    status: text('status').notNull().default('pending'),
    providerStatus: text('provider_status'),
    startCount: bigint('start_count', { mode: 'number' }),
    remains: bigint('remains', { mode: 'number' }),
    isManual: boolean('is_manual').notNull().default(false),
    adminNotes: text('admin_notes'),
    lastStatusCheck: ts('last_status_check'),
    nextStatusCheck: ts('next_status_check'),
    /**
     * A sweep's claim on the order until its sync-batch writes it: other sweeps (forced ones too)
     * skip it meanwhile; if the batch is lost (a worker killed between claim and enqueue) the claim
     * simply expires and the order is due again at its own next_status_check.
     */
    syncClaimedUntil: ts('sync_claimed_until'),
    /** Consecutive syncs that saw no change; drives adaptive polling. */
    unchangedChecks: integer('unchanged_checks').notNull().default(0),
    submitAttempts: integer('submit_attempts').notNull().default(0),
    /** Refusals whose text no rule knows; after FORWARD_MAX_SOFT_ROUNDS of them the order goes to review. */
    softRejections: integer('soft_rejections').notNull().default(0),
    /** Consecutive per-order errors in status replies; after SYNC_MAX_ORDER_ERRORS the order goes to review. */
    syncErrors: integer('sync_errors').notNull().default(0),
    /** Why an order is in needs_review (REVIEW_KINDS), so the admin knows which decision is asked for. */
    reviewKind: text('review_kind'),
    /** Bumped on every (re-)enqueue of forwarding: the forward job id is `fwd-<orderId>-<forwardRound>`. */
    forwardRound: integer('forward_round').notNull().default(1),
    submittedAt: ts('submitted_at'),
    /** The provider's service number the last claim sent the order as (read from the service at claim). */
    sentServiceId: text('sent_service_id'),
    lastError: text('last_error'),
    idempotencyKey: text('idempotency_key'),
    /**
     * A customer's cancel request for an order live at a provider: pending → submitting → sent |
     * rejected | needs_review (the forwarder's `forward-cancel`). Null when none was asked for. The order
     * itself only turns canceled (and refunded) when status sync sees the provider say so.
     */
    cancelStatus: text('cancel_status', {
      enum: ['pending', 'submitting', 'sent', 'rejected', 'needs_review'],
    }),
    cancelError: text('cancel_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: ts('completed_at'),
  },
  (t) => [
    index('orders_status_idx').on(t.status),
    uniqueIndex('orders_number_unique').on(t.number),
    index('orders_provider_order_id_idx').on(t.providerOrderId),
    // A provider order id belongs to one order: a status reply can never move (or refund) two.
    uniqueIndex('orders_provider_order_unique')
      .on(t.providerId, t.providerOrderId)
      .where(sql`${t.providerOrderId} is not null`),
    index('orders_provider_id_idx').on(t.providerId),
    index('orders_last_status_check_idx').on(t.lastStatusCheck),
    index('orders_user_created_idx').on(t.userId, t.createdAt),
    // The sync sweep's access path: only orders live at a provider, by due time.
    index('orders_sync_due_idx')
      .on(t.providerId, t.nextStatusCheck)
      .where(sql`${t.status} in ('processing', 'in_progress')`),
    // Repair's look-up of cancel requests that are waiting or in flight: a handful among all orders.
    index('orders_cancel_open_idx')
      .on(t.updatedAt)
      .where(sql`${t.cancelStatus} in ('pending', 'submitting')`),
    index('orders_pending_idx').on(t.createdAt).where(sql`${t.status} in ('pending', 'submitting')`),
    // The customer catalog's average completion time per service: recent completed orders only.
    index('orders_completed_recent_idx')
      .on(t.completedAt, t.serviceId, t.createdAt)
      .where(sql`${t.status} = 'completed'`),
    check('orders_quantity_positive', sql`${t.quantity} > 0`),
    check('orders_price_non_negative', sql`${t.price} >= 0`),
    check(
      'orders_cancel_status_known',
      sql`${t.cancelStatus} is null or ${t.cancelStatus} in ('pending','submitting','sent','rejected','needs_review')`,
    ),
    check(
      'orders_status_known',
      sql`${t.status} in ('pending','submitting','needs_review','processing','in_progress','completed','partial','canceled')`,
    ),
  ],
);

/**
 * Where customers send money (a bKash/Nagad/Rocket number, a bank account): shown to them with its
 * instructions. Deleting archives (deleted_at) so the deposits that name it keep their history.
 */
export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['mobile_wallet', 'bank', 'other'] }).notNull(),
    currency: text('currency', { enum: ['BDT', 'USD'] }).notNull(),
    account: text('account').notNull(),
    instructions: text('instructions').notNull().default(''),
    minAmount: money('min_amount').notNull(),
    maxAmount: money('max_amount').notNull(),
    feePercent: numeric('fee_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    check('payment_methods_amounts', sql`${t.minAmount} > 0 AND ${t.maxAmount} >= ${t.minAmount}`),
    check('payment_methods_fee', sql`${t.feePercent} >= 0 AND ${t.feePercent} < 100`),
  ],
);

/**
 * A customer's claim that they paid: pending until an admin approves (the balance is credited once,
 * by a `deposit` ledger row carrying this id) or rejects it. One transaction id per method, ever,
 * whoever claims it and whatever became of the claim.
 */
export const deposits = pgTable(
  'deposits',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    methodId: text('method_id')
      .notNull()
      .references(() => paymentMethods.id),
    /** What the customer says they sent, in the method's currency. */
    amount: money('amount').notNull(),
    currency: text('currency', { enum: ['BDT', 'USD'] }).notNull(),
    /** The method's fee when the customer claimed: a fee raised later does not reach claims already made. */
    feePercent: numeric('fee_percent', { precision: 5, scale: 2 }).notNull(),
    transactionId: text('transaction_id').notNull(),
    senderNumber: text('sender_number'),
    note: text('note'),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    /** What the admin found, in the method's currency (the claim, or the corrected amount). */
    approvedAmount: money('approved_amount'),
    feeAmount: money('fee_amount'),
    /** What reached the balance, in the user's currency at approval. */
    creditedAmount: money('credited_amount'),
    creditedCurrency: text('credited_currency', { enum: ['BDT', 'USD'] }),
    /** BDT per USD used when the method's currency and the user's differ. */
    dollarRate: money('dollar_rate'),
    rejectReason: text('reject_reason'),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // Transaction ids are compared as the wallets print them, case and dashes aside.
    uniqueIndex('deposits_method_transaction_unique').on(
      t.methodId,
      sql`upper(replace(${t.transactionId}, '-', ''))`,
    ),
    index('deposits_user_created_idx').on(t.userId, t.createdAt),
    index('deposits_status_created_idx').on(t.status, t.createdAt),
    check('deposits_amount_positive', sql`${t.amount} > 0`),
  ],
);

export const ledger = pgTable(
  'ledger',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    orderId: text('order_id').references(() => orders.id),
    depositId: text('deposit_id').references(() => deposits.id),
    kind: text('kind', { enum: ['charge', 'refund', 'adjustment', 'deposit'] }).notNull(),
    amount: money('amount').notNull(),
    balanceAfter: money('balance_after').notNull(),
    currency: text('currency', { enum: ['BDT', 'USD'] }).notNull(),
    note: text('note'),
    actorId: text('actor_id'),
    // The clock when the row is written, not when its transaction began: a credit that waited for the
    // user's row lock must sort after the one it waited for, so the newest row is the balance.
    createdAt: ts('created_at').notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    index('ledger_user_created_idx').on(t.userId, t.createdAt),
    // One charge and one refund per order, ever: double charges and double refunds are impossible.
    uniqueIndex('ledger_order_kind_unique')
      .on(t.orderId, t.kind)
      .where(sql`${t.kind} in ('charge', 'refund')`),
    // An approved deposit credits once, however many approvals race.
    uniqueIndex('ledger_deposit_unique').on(t.depositId).where(sql`${t.depositId} is not null`),
    check('ledger_charge_negative', sql`${t.kind} <> 'charge' OR ${t.amount} <= 0`),
    check('ledger_refund_positive', sql`${t.kind} <> 'refund' OR ${t.amount} >= 0`),
  ],
);

export const refills = pgTable(
  'refills',
  {
    id: text('id').primaryKey(),
    number: publicNumber('refills_number_seq'),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    providerRefillId: text('provider_refill_id'),
    status: text('status', {
      enum: ['pending', 'submitting', 'processing', 'completed', 'rejected', 'needs_review'],
    })
      .notNull()
      .default('pending'),
    providerStatus: text('provider_status'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('refills_order_idx').on(t.orderId),
    index('refills_status_idx').on(t.status),
    uniqueIndex('refills_number_unique').on(t.number),
  ],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export const activityLog = pgTable(
  'activity_log',
  {
    id: text('id').primaryKey(),
    actorId: text('actor_id'),
    orderId: text('order_id'),
    providerId: text('provider_id'),
    providerOrderId: text('provider_order_id'),
    userId: text('user_id'),
    action: text('action').notNull(),
    message: text('message'),
    providerResponse: jsonb('provider_response'),
    createdAt: createdAt(),
  },
  (t) => [
    index('activity_provider_order_id_idx').on(t.providerOrderId),
    index('activity_order_idx').on(t.orderId, t.createdAt),
    index('activity_provider_idx').on(t.providerId, t.createdAt),
    index('activity_user_idx').on(t.userId, t.createdAt),
  ],
);

export type User = typeof users.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type ApiProvider = typeof apiProviders.$inferSelect;
export type Service = typeof services.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type LedgerEntry = typeof ledger.$inferSelect;
export type PaymentMethod = typeof paymentMethods.$inferSelect;
export type Deposit = typeof deposits.$inferSelect;
export type Refill = typeof refills.$inferSelect;
export type ActivityEntry = typeof activityLog.$inferSelect;
