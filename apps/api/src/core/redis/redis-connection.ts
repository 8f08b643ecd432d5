import { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  url: string;
  /** Called once when Redis becomes unreachable and once when it is back, never per retry. */
  onStatusChange?: (up: boolean, error?: Error) => void;
}

/**
 * An ioredis client that retries forever with capped backoff and reports outages as transitions, so a
 * missing Redis produces one clear line instead of an error per reconnect attempt.
 */
export function createRedisConnection({ url, onStatusChange }: RedisConnectionOptions): Redis {
  const client = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5_000),
  });
  let up: boolean | undefined;
  client.on('ready', () => {
    if (up !== true) {
      if (up === false) onStatusChange?.(true);
      up = true;
    }
  });
  client.on('error', (error: Error) => {
    if (up !== false) {
      up = false;
      onStatusChange?.(false, error);
    }
  });
  return client;
}
