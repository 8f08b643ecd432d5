import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '@mockboard/config';
import type { Database } from '@mockboard/db';
import { logTransport } from '@mockboard/worker';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { EventsModule } from './core/events/events.module';
import { RedisModule } from './core/redis/redis.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { InterviewModule } from './modules/interview/interview.module';
import { ProblemsModule } from './modules/problems/problems.module';
import { RecordingsModule } from './modules/recordings/recordings.module';
import { ScoringModule } from './modules/scoring/scoring.module';
import { RoomModule } from './modules/room/room.module';
import { SessionsModule } from './modules/sessions/sessions.module';

const DEFAULT_WEB_DIST = resolve(__dirname, '../../web/dist');

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: Database): DynamicModule {
    const webDist = config.webDistDir ?? DEFAULT_WEB_DIST;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(database),
        EventsModule,
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            quietReqLogger: true,
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            transport: logTransport(),
          },
        }),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.loginRateLimitPerMinute }]),
        RedisModule,
        AuthModule,
        HealthModule,
        SessionsModule,
        ProblemsModule,
        RoomModule,
        InterviewModule,
        ScoringModule,
        RecordingsModule,
        // The built web app is served from the same origin, so cookies and sockets need no CORS.
        ...(existsSync(join(webDist, 'index.html'))
          ? [ServeStaticModule.forRoot({ rootPath: webDist, exclude: ['/api/{*path}', '/socket.io/{*path}'] })]
          : []),
      ],
    };
  }
}
