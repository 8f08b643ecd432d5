import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { envSchema } from './env.schema';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  /** Absent means the embedded PGlite database under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  redis: { url: string; prefix: string };
  sessionSecret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  workerEmbedded: boolean;
  loginRateLimitPerMinute: number;
  webDistDir: string | undefined;
  room: {
    /** Largest `yjs` message accepted; bigger ones are answered with `too_large`. */
    maxMessageBytes: number;
    /** How long a room with no connections stays in memory before it is stored and unloaded. */
    unloadGraceMs: number;
    /** Write a snapshot after this many logged updates, so loading replays a short tail. */
    snapshotEvery: number;
    /** Longest a commit acknowledgement waits for other traffic to the same client to ride along with. */
    ackDelayMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment into one typed object. Every invalid variable is reported at once so a
 * misconfigured deployment is fixed in one round trip rather than one variable per restart.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(stripEmpty(source));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map(describeIssue));
  }
  const env = parsed.data;
  const dataDir = resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    databaseUrl: env.DATABASE_URL,
    dataDir,
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    sessionSecret: env.SESSION_SECRET ?? persistedSecret(dataDir, env.NODE_ENV),
    logLevel: env.LOG_LEVEL,
    workerEmbedded: env.WORKER_EMBEDDED,
    loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT,
    webDistDir: env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : undefined,
    room: {
      maxMessageBytes: env.ROOM_MAX_MESSAGE_BYTES,
      unloadGraceMs: env.ROOM_UNLOAD_GRACE_MS,
      snapshotEvery: env.ROOM_SNAPSHOT_EVERY,
      ackDelayMs: env.ROOM_ACK_DELAY_MS,
    },
  };
}

/** Empty strings (`FOO=` in a .env or compose file) mean "unset", not "invalid". */
function stripEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => !!entry[1]),
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const variable = issue.path.join('.') || '(environment)';
  return `${variable}: ${issue.message}`;
}

/**
 * Without SESSION_SECRET a development install still keeps its sessions across restarts: a random secret
 * is generated once and kept beside the embedded database. Production must set it explicitly.
 */
function persistedSecret(dataDir: string, env: AppConfig['env']): string {
  if (env === 'production') {
    throw new ConfigError(['SESSION_SECRET: required when NODE_ENV=production (at least 32 characters)']);
  }
  const file = join(dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
