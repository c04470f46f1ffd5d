/** The architecture.md#http-api error codes clients can branch on. */
export const ERROR_CODE = {
  validation: 'VALIDATION_ERROR',
  malformedJson: 'MALFORMED_JSON',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  unauthorized: 'UNAUTHORIZED',
  invalidCredentials: 'INVALID_CREDENTIALS',
  wrongPassword: 'WRONG_PASSWORD',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  insufficientFunds: 'INSUFFICIENT_FUNDS',
  conflict: 'CONFLICT',
  emailTaken: 'EMAIL_TAKEN',
  businessRule: 'BUSINESS_RULE',
  idempotencyMismatch: 'IDEMPOTENCY_KEY_REUSED',
  serviceNotFound: 'SERVICE_NOT_FOUND',
  serviceInactive: 'SERVICE_INACTIVE',
  serviceNotInCategory: 'SERVICE_NOT_IN_CATEGORY',
  quantityOutOfRange: 'QUANTITY_OUT_OF_RANGE',
  registrationClosed: 'REGISTRATION_CLOSED',
  invalidTransition: 'INVALID_TRANSITION',
  providerError: 'PROVIDER_ERROR',
  providerInactive: 'PROVIDER_INACTIVE',
  providerUrlNotAllowed: 'PROVIDER_URL_NOT_ALLOWED',
  balanceTooLow: 'BALANCE_WOULD_BE_NEGATIVE',
  duplicateTransaction: 'DUPLICATE_TRANSACTION',
  amountOutOfRange: 'AMOUNT_OUT_OF_RANGE',
  tooManyPendingDeposits: 'TOO_MANY_PENDING_DEPOSITS',
  depositAlreadyDecided: 'DEPOSIT_ALREADY_DECIDED',
  rateLimited: 'RATE_LIMITED',
  dependencyUnavailable: 'DEPENDENCY_UNAVAILABLE',
  internal: 'INTERNAL_ERROR',
} as const;
export type ErrorCode = (typeof ERROR_CODE)[keyof typeof ERROR_CODE];

/** An error that becomes the architecture.md#http-api envelope as is: the message is meant for the client. */
export class AppError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(statusCode: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.code = code;
    this.details = details ?? null;
  }
}

export const notFound = (what = 'resource') => new AppError(404, ERROR_CODE.notFound, `${what} not found`);
export const unauthorized = (message = 'authentication required') =>
  new AppError(401, ERROR_CODE.unauthorized, message);
export const forbidden = (message = 'not allowed') => new AppError(403, ERROR_CODE.forbidden, message);

export const conflict = (message: string, details?: unknown) =>
  new AppError(409, ERROR_CODE.conflict, message, details);
export const businessRule = (message: string, details?: unknown) =>
  new AppError(422, ERROR_CODE.businessRule, message, details);
export const tooManyRequests = (message: string) => new AppError(429, ERROR_CODE.rateLimited, message);
