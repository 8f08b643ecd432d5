import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { REDIS_HELP, type AppConfig } from '@mockboard/config';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import { createRedisConnection } from './redis-connection';

export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Redis => {
        const logger = new Logger('Redis');
        return createRedisConnection({
          url: config.redis.url,
          onStatusChange: (up, error) =>
            up
              ? logger.log('Redis connection restored')
              : logger.warn(`Redis is unreachable at ${config.redis.url} (${error?.message}): ${REDIS_HELP}`),
        });
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
