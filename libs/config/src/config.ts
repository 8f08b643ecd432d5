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
  /** Express's "trust proxy": which proxies' X-Forwarded-For to believe. Off by default. */
  trustProxy: boolean | number | string;
  /** Origins whose pages may open room sockets, besides PUBLIC_URL's own. */
  allowedOrigins: string[];
  limits: {
    /** Sessions one user may create per hour. */
    sessionsPerHour: number;
    /** Guest accounts one client address may create per hour. */
    guestsPerHour: number;
    /** Joins with a wrong invite code one client address may try per hour. */
    inviteFailuresPerHour: number;
    /** Observers one session may hold. */
    maxObservers: number;
  };
  webDistDir: string | undefined;
  recordings: {
    /** Tries of a recording build before it is left `failed`. */
    attempts: number;
    /** The first retry's delay; each next one waits twice as long. */
    backoffMs: number;
    /** How often the worker enqueues recordings asked for and not finished (a lost job, a flushed Redis). */
    sweepMs: number;
    /** Seeks and update windows one user may read per second, on average over two seconds. */
    readsPerSecond: number;
  };
  /** How long a worker's claim on a job lasts without renewal: a killed worker's job is retried after it. */
  jobLockMs: number;
  room: {
    /** Largest `yjs` message accepted; bigger ones are answered with `too_large`. */
    maxMessageBytes: number;
    /** How long a room with no connections stays in memory before it is stored and unloaded. */
    unloadGraceMs: number;
    /** Write a snapshot after this many logged updates, so loading replays a short tail. */
    snapshotEvery: number;
    /** Longest a commit acknowledgement waits for other traffic to the same client to ride along with. */
    ackDelayMs: number;
    /** Sockets one user may hold open in one session. */
    maxSocketsPerUser: number;
    /** Messages per second (and at once) one user may send to one session, over all their sockets. */
    messagesPerSecond: number;
    messageBurst: number;
    /** Messages per second one session accepts from everyone in it (twice that at once). */
    sessionMessagesPerSecond: number;
    /** Chat messages per second (and at once) one user may send to one session. */
    chatPerSecond: number;
    chatBurst: number;
    /** Interview controls (start, step, reveal...) per second (and at once) one user may send to one session. */
    controlsPerSecond: number;
    controlsBurst: number;
    /** Bytes per second (and at once) one user may send to one session. */
    bytesPerSecond: number;
    bytesBurst: number;
    /** Bytes per second of sync answers one user may ask one session for. */
    syncBytesPerSecond: number;
    /** Bytes waiting to be sent to one socket before it is disconnected as a reader that does not read. */
    maxBufferedBytes: number;
    /** Largest presence (awareness) state of one client. */
    maxPresenceBytes: number;
    /** Presence client ids one socket may publish. */
    presenceIdsPerSocket: number;
    /** Bytes of accepted updates waiting for the database before new ones are refused with `server_busy`. */
    writeQueueBytes: number;
    /** Largest batch of updates written in one statement, in bytes. */
    writeBatchBytes: number;
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
    trustProxy: env.TRUST_PROXY,
    allowedOrigins: env.ALLOWED_ORIGINS,
    limits: {
      sessionsPerHour: env.SESSIONS_PER_HOUR,
      guestsPerHour: env.GUESTS_PER_HOUR,
      inviteFailuresPerHour: env.INVITE_FAILURES_PER_HOUR,
      maxObservers: env.MAX_OBSERVERS,
    },
    webDistDir: env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : undefined,
    recordings: { attempts: env.RECORDING_ATTEMPTS, backoffMs: env.RECORDING_BACKOFF_MS, sweepMs: env.RECORDING_SWEEP_MS, readsPerSecond: env.RECORDING_READS_PER_SECOND },
    jobLockMs: env.JOB_LOCK_MS,
    room: {
      maxMessageBytes: env.ROOM_MAX_MESSAGE_BYTES,
      unloadGraceMs: env.ROOM_UNLOAD_GRACE_MS,
      snapshotEvery: env.ROOM_SNAPSHOT_EVERY,
      ackDelayMs: env.ROOM_ACK_DELAY_MS,
      maxSocketsPerUser: env.ROOM_MAX_SOCKETS_PER_USER,
      messagesPerSecond: env.ROOM_MESSAGES_PER_SECOND,
      messageBurst: env.ROOM_MESSAGE_BURST,
      sessionMessagesPerSecond: env.ROOM_SESSION_MESSAGES_PER_SECOND,
      chatPerSecond: env.ROOM_CHAT_PER_SECOND,
      chatBurst: env.ROOM_CHAT_BURST,
      controlsPerSecond: env.ROOM_CONTROLS_PER_SECOND,
      controlsBurst: env.ROOM_CONTROLS_BURST,
      bytesPerSecond: env.ROOM_BYTES_PER_SECOND,
      bytesBurst: env.ROOM_BYTES_BURST,
      syncBytesPerSecond: env.ROOM_SYNC_BYTES_PER_SECOND,
      maxBufferedBytes: env.ROOM_MAX_BUFFERED_BYTES,
      maxPresenceBytes: env.ROOM_MAX_PRESENCE_BYTES,
      presenceIdsPerSocket: env.ROOM_PRESENCE_IDS_PER_SOCKET,
      writeQueueBytes: env.ROOM_WRITE_QUEUE_BYTES,
      writeBatchBytes: env.ROOM_WRITE_BATCH_BYTES,
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
