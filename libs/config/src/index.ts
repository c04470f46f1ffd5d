export {
  boolFlag,
  databaseEnv,
  isProduction,
  logEnv,
  metricsTokenEnv,
  nodeEnv,
  portEnv,
  redisEnv,
  secretsKeyEnv,
} from './fragments.ts';
export { bearerTokenMatches } from './metrics-token.ts';
export { SERVICE_PROCESSES, type ServiceProcess, serviceNodeFlags } from './node-flags.ts';
export { ConfigError, parseEnv } from './parse-env.ts';
export {
  clusterHashTags,
  HASH_TAG_HINT,
  hasHashTag,
  parseClusterNodes,
  type RedisClusterNode,
} from './redis-cluster.ts';
export { resolveSecretsKey, resolveSecretsKeys, type SecretsKeyEnv, type SecretsKeys } from './secrets.ts';
export { resolveServiceBase, type ServiceBase, type ServiceEnv, serviceEnv } from './service-env.ts';
export {
  decodeSecretsKey,
  MAKE_ONE,
  MIN_ADMIN_PASSWORD_CHARS,
  MIN_JWT_SECRET_BYTES,
  MIN_METRICS_TOKEN_CHARS,
  type ProductionSecretsSpec,
  PUBLISHED_PLACEHOLDERS,
  productionSecrets,
  SECRET_NAMES,
  type SecretName,
  weakSecretReason,
} from './weak-secrets.ts';
