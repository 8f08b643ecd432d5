export { loadConfig, ConfigError, type AppConfig } from './config';
export { envSchema, type Env } from './env.schema';
export { REDIS_HELP } from './redis-help';
