import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@mockboard/config';
import type { Database } from '@mockboard/db';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './core/errors/api-exception.filter';
import { installBodyParsing } from './core/http/body-parsing';
import { refuseMalformedPaths } from './core/http/malformed-paths';
import { RoomIoAdapter } from './core/http/room-io.adapter';
import { securityHeaders } from './core/http/security-headers';

/** Builds the configured Nest application without listening, for main.ts and the integration tests. */
export async function createApp(config: AppConfig, database: Database): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Off unless configured: otherwise any client could pick its own address with X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config.publicUrl));
  app.use(cookieParser());
  refuseMalformedPaths(app.getHttpAdapter().getInstance());
  installBodyParsing(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useWebSocketAdapter(new RoomIoAdapter(app, config));
  return app;
}
