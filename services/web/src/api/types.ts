// Reply shapes of the gateway routes the pages use (services/gateway/src/routes/**, the zod schemas).
// Money is always an exact decimal string with 6 places: never parsed into a JS number.

export type Currency = 'BDT' | 'USD';
export type Role = 'user' | 'admin';
export type Money = string;

export const ORDER_STATUSES = [
  'pending',
  'submitting',
  'needs_review',
  'processing',
  'in_progress',
  'completed',
  'partial',
  'canceled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  currency: Currency;
  balance: Money;
  dollarRate: Money;
  status: 'active' | 'suspended';
  hasApiKey: boolean;
  createdAt: string;
}

export interface ServiceListing {
  id: string;
  name: string;
  categoryId: string;
  categoryName: string;
  type: string;
  ratePer1000: Money;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  description: string | null;
}

export interface UserOrder {
  id: string;
  serviceId: string;
  categoryId: string;
  link: string;
  quantity: number;
  price: Money;
  currency: Currency;
  status: OrderStatus;
  providerStatus: string | null;
  startCount: number | null;
  remains: number | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface CreateOrdersReply {
  success: true;
  ordersCreated: number;
  totalCost: Money;
  currency: Currency;
  orderIds: string[];
}

export interface AdminOrder {
  id: string;
  userId: string;
  userEmail: string;
  serviceId: string;
  serviceName: string;
  serviceMode: string;
  categoryId: string;
  providerId: string | null;
  providerName: string | null;
  providerOrderId: string | null;
  link: string;
  quantity: number;
  price: Money;
  currency: Currency;
  refunded: Money;
  providerCharge: Money | null;
  providerCurrency: string | null;
  status: OrderStatus;
  providerStatus: string | null;
  startCount: number | null;
  remains: number | null;
  isManual: boolean;
  adminNotes: string | null;
  lastError: string | null;
  submitAttempts: number;
  forwardRound: number;
  lastStatusCheck: string | null;
  nextStatusCheck: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface AdminOrderList {
  success: true;
  orders: AdminOrder[];
  nextCursor: string | null;
  counts: Record<string, number>;
}

export interface AdminProvider {
  id: string;
  name: string;
  apiUrl: string;
  apiKeyMasked: string | null;
  loginUser: string | null;
  loginPassSet: boolean;
  status: 'active' | 'inactive';
  isCustom: boolean;
  kind: string;
  maxConcurrency: number;
  lastBalance: Money | null;
  lastBalanceCurrency: string | null;
  lastBalanceAt: string | null;
  flaggedAt: string | null;
  flagReason: string | null;
  syncBackoffUntil: string | null;
  syncFailures: number;
  servicesCount: number;
  openOrders: number;
  createdAt: string;
  updatedAt: string;
}

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: string;
  balance: Money;
  currency: Currency;
}

export interface AdminService {
  id: string;
  name: string;
  categoryId: string;
  categoryName: string;
  providerId: string | null;
  providerName: string | null;
  type: string;
  rate: Money | null;
  rateUSD: Money | null;
  minOrder: number;
  maxOrder: number;
  mode: 'auto' | 'manual';
  status: 'active' | 'inactive';
}

export interface SyncResult {
  success: true;
  pending?: true;
  syncedOrders: number;
  changedOrders: number;
  errors: Array<{ orderId: string; message: string }>;
  jobId: string;
}

export interface SyncOverview {
  success: true;
  lagSeconds: number;
  dueOrders: number;
  liveOrders: number;
  lastStatusCheckAt: string | null;
  lastSweepAt: string | null;
  nextSweepAt: string | null;
}
