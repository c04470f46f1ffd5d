export { buildGateway } from './app.ts';
export { type GatewayConfig, gatewayEnvSchema, loadConfig } from './config.ts';
export { closeDeps, type GatewayDeps, type OpenDepsOptions, openDeps } from './deps.ts';
export { AppError, ERROR_CODE, type ErrorCode } from './errors.ts';
export type { AuthUser, Role } from './plugins/auth.ts';
export { TOKEN_COOKIE } from './plugins/auth.ts';
export { type CreateOrdersReply, requestHash } from './use-cases/order-intake.ts';
export { hashPassword, verifyPassword } from './use-cases/passwords.ts';
export { createUser, ensureAdmin, hashApiKey, type PublicUser } from './use-cases/users.ts';
