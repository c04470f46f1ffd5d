export {
  boolFlag,
  databaseEnv,
  isProduction,
  logEnv,
  nodeEnv,
  portEnv,
  redisEnv,
  secretsKeyEnv,
} from './fragments.ts';
export { ConfigError, parseEnv } from './parse-env.ts';
export { resolveSecretsKey } from './secrets.ts';
