import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Every environment variable the api and worker read. Parsed once at boot by `loadConfig`. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:_-]+$/, 'letters, digits, ":", "_" and "-" only')
    .default('mockboard'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_EMBEDDED: booleanFlag.default(true),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  WEB_DIST_DIR: z.string().optional(),
  ROOM_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  ROOM_UNLOAD_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  ROOM_SNAPSHOT_EVERY: z.coerce.number().int().min(1).default(500),
  ROOM_ACK_DELAY_MS: z.coerce.number().int().min(0).max(1_000).default(100),
});

export type Env = z.input<typeof envSchema>;
