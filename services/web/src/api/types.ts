// Reply shapes of the gateway routes the pages use, derived from the gateway's own OpenAPI document
// (schema.d.ts, generated from the routes' zod schemas: `npm run api:types -w @smm/web`).
// Money is always an exact decimal string with 6 places: never parsed into a JS number.
import type { components, paths } from './schema.d.ts';

export { ORDER_STATUSES, type OrderStatus } from '@smm/domain/browser';

type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'patch' | 'delete';
type Ok = 200 | 201 | 202;

/** The JSON a route answers with a success status (every one it declares, e.g. 200 | 202), or the one asked for. */
export type ReplyOf<P extends keyof paths, M extends Method, S extends Ok = Ok> = paths[P][M] extends {
  responses: infer R;
}
  ? {
      [K in keyof R & S]: R[K] extends { content: { 'application/json': infer B } } ? B : never;
    }[keyof R & S]
  : never;

/** The JSON body a route takes. */
export type BodyOf<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Money = string;
export type Currency = Schemas['User']['currency'];
export type Role = Schemas['User']['role'];

export type Me = ReplyOf<'/api/user/me', 'get'>['user'];
/** GET /api/auth/config: whether registration is open, and the shortest password the API takes. */
export type AuthConfig = Schemas['AuthConfig'];
export type RegisterBody = BodyOf<'/api/auth/register', 'post'>;
export type ChangePasswordBody = BodyOf<'/api/user/password', 'post'>;
export type ServiceListing = Schemas['ServiceListing'];
export type ServiceList = ReplyOf<'/api/user/services', 'get'>;
export type UserOrder = Schemas['Order'];
export type UserOrderPage = ReplyOf<'/api/user/orders', 'get'>;
/** GET /api/user/orders/:id/timeline: the order's steps in the customer's words, refunds, refill requests. */
export type OrderTimeline = Schemas['OrderTimeline'];
export type OrderTimelineEvent = OrderTimeline['events'][number];
/** One order line as create-orders and the quote take it. */
export type OrderLine = Extract<BodyOf<'/api/user/create-orders', 'post'>, { serviceId: string }>;
export type CreateOrdersReply = Schemas['CreateOrdersReply'];
export type Quote = Schemas['Quote'];
export type UserCancelReply = ReplyOf<'/api/user/orders/{id}/cancel', 'post'>;
export type UserRefillReply = ReplyOf<'/api/user/orders/{id}/refill', 'post'>;
export type ApiKeyReply = ReplyOf<'/api/user/api-key', 'post'>;

export type AdminOrder = Schemas['AdminOrder'];
export type AdminOrderList = ReplyOf<'/api/admin/orders', 'get'>;
export type AdminProvider = Schemas['AdminProvider'];
export type AdminUser = ReplyOf<'/api/admin/users', 'get'>['users'][number];
export type AdminService = Schemas['AdminService'];
export type ManualOrderReply = ReplyOf<'/api/admin/orders/manual', 'post'>;
export type ProviderCheckReply = ReplyOf<'/api/admin/providers/{id}/check', 'post'>;
export type ImportServicesReply = ReplyOf<'/api/admin/providers/{id}/import-services', 'post'>;
export type ForwardReply = ReplyOf<'/api/admin/orders/forward-to-provider', 'post'>;
export type AdminCancelReply = ReplyOf<'/api/admin/orders/{id}/cancel', 'post'>;
export type SyncResult = ReplyOf<'/api/admin/orders/sync-status', 'post'>;
export type SyncOverview = ReplyOf<'/api/admin/sync/overview', 'get'>;

// Money in: payment methods, deposit requests, the ledger.
/** An active payment method as customers see it (GET /api/user/payment-methods). */
export type PaymentMethod = Schemas['PaymentMethod'];
export type PaymentMethodList = ReplyOf<'/api/user/payment-methods', 'get'>;
export type PaymentMethodKind = PaymentMethod['kind'];
export const PAYMENT_METHOD_KINDS: readonly PaymentMethodKind[] = ['mobile_wallet', 'bank', 'other'];
export type AdminPaymentMethod = Schemas['AdminPaymentMethod'];
export type AdminPaymentMethodList = ReplyOf<'/api/admin/payment-methods', 'get'>;
export type AdminPaymentMethodReply = ReplyOf<'/api/admin/payment-methods', 'post'>;
/** POST /api/admin/payment-methods takes it all; PATCH any subset. */
export type PaymentMethodBody = Required<BodyOf<'/api/admin/payment-methods', 'post'>>;
export type DeletePaymentMethodReply = ReplyOf<'/api/admin/payment-methods/{id}', 'delete'>;

export type Deposit = Schemas['Deposit'];
export type DepositStatus = Deposit['status'];
export const DEPOSIT_STATUSES: readonly DepositStatus[] = ['pending', 'approved', 'rejected'];
export type DepositPage = ReplyOf<'/api/user/deposits', 'get'>;
export type DepositBody = BodyOf<'/api/user/deposits', 'post'>;
export type DepositReply = ReplyOf<'/api/user/deposits', 'post'>;
export type AdminDeposit = Schemas['AdminDeposit'];
export type AdminDepositPage = ReplyOf<'/api/admin/deposits', 'get'>;
export type ApproveDepositReply = ReplyOf<'/api/admin/deposits/{id}/approve', 'post'>;
export type RejectDepositReply = ReplyOf<'/api/admin/deposits/{id}/reject', 'post'>;

/** One ledger row (GET /api/user/transactions): `amount` is signed, a charge negative. */
export type Transaction = Schemas['Transaction'];
export type TransactionKind = Transaction['kind'];
export const TRANSACTION_KINDS: readonly TransactionKind[] = ['charge', 'refund', 'deposit', 'adjustment'];
export type TransactionPage = ReplyOf<'/api/user/transactions', 'get'>;
export type AdminOrderDetail = ReplyOf<'/api/admin/orders/{id}', 'get'>;
export type ActivityEntry = Schemas['ActivityEntry'];
export type AdminServiceList = ReplyOf<'/api/admin/services', 'get'>;
/** PATCH /api/admin/services/{id}: only the fields that change. */
export type ServicePatch = BodyOf<'/api/admin/services/{id}', 'patch'>;
export type AdminCategory = Schemas['AdminCategory'];
export type AdminCategoryList = ReplyOf<'/api/admin/categories', 'get'>;
export type BulkStatusReply = ReplyOf<'/api/admin/services/bulk-status', 'post'>;
