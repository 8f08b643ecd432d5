import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const MiB = 1024 * 1024;
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const bytes = (fallback: number) => z.coerce.number().int().min(1024).default(fallback);

/** Origins as written in the URL bar: scheme, host and port, no path. */
const origins = z
  .string()
  .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
  .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((o) => new URL(o).origin)));

/**
 * Which forwarding proxies to believe about the client's address (Express's "trust proxy"): `false` (the
 * default: X-Forwarded-For is ignored), `true`, a hop count, or addresses and subnets separated by commas.
 */
const trustProxy = z.string().transform((v): boolean | number | string => {
  if (v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
});

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
  TRUST_PROXY: trustProxy.default(false),
  ALLOWED_ORIGINS: origins.default([]),
  SESSIONS_PER_HOUR: count(30),
  GUESTS_PER_HOUR: count(20),
  INVITE_FAILURES_PER_HOUR: count(30),
  MAX_OBSERVERS: count(20),
  WEB_DIST_DIR: z.string().optional(),
  ROOM_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  ROOM_UNLOAD_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  ROOM_SNAPSHOT_EVERY: z.coerce.number().int().min(1).default(500),
  ROOM_ACK_DELAY_MS: z.coerce.number().int().min(0).max(1_000).default(100),
  ROOM_MAX_SOCKETS_PER_USER: count(8),
  ROOM_MESSAGES_PER_SECOND: count(120),
  ROOM_MESSAGE_BURST: count(240),
  ROOM_SESSION_MESSAGES_PER_SECOND: count(1_000),
  ROOM_CHAT_PER_SECOND: count(1),
  ROOM_CHAT_BURST: count(10),
  ROOM_CONTROLS_PER_SECOND: count(5),
  ROOM_CONTROLS_BURST: count(20),
  ROOM_BYTES_PER_SECOND: bytes(2 * MiB),
  ROOM_BYTES_BURST: bytes(8 * MiB),
  ROOM_SYNC_BYTES_PER_SECOND: bytes(MiB),
  ROOM_MAX_BUFFERED_BYTES: bytes(16 * MiB),
  ROOM_MAX_PRESENCE_BYTES: z.coerce.number().int().min(256).default(16 * 1024),
  ROOM_PRESENCE_IDS_PER_SOCKET: count(4),
  ROOM_WRITE_QUEUE_BYTES: bytes(64 * MiB),
  ROOM_WRITE_BATCH_BYTES: bytes(8 * MiB),
  RECORDING_ATTEMPTS: count(3),
  RECORDING_BACKOFF_MS: z.coerce.number().int().min(0).default(5_000),
  RECORDING_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
  RECORDING_READS_PER_SECOND: count(20),
  JOB_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
});

export type Env = z.input<typeof envSchema>;
