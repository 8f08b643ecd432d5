import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@mockboard/db';
import type { DependencyStatus, HealthResponse } from '@mockboard/protocol';
import type { Redis } from 'ioredis';
import { DATABASE } from '../../core/database/database.module';
import { REDIS } from '../../core/redis/redis.module';
import { APP_VERSION } from '../../version';

const PROBE_TIMEOUT_MS = 1_500;
const KNOWN_DOWN = new Set(['reconnecting', 'close', 'end']);

@Injectable()
export class HealthService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<HealthResponse> {
    const [db, redis] = await Promise.all([
      probe(() => this.database.ping()),
      // During a known outage answer at once instead of queueing yet another ping behind the reconnects.
      KNOWN_DOWN.has(this.redis.status) ? Promise.resolve<DependencyStatus>('down') : probe(() => this.redis.ping()),
    ]);
    return { status: db === 'ok' && redis === 'ok' ? 'ok' : 'degraded', db, redis, version: APP_VERSION };
  }
}

async function probe(check: () => Promise<unknown>): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
