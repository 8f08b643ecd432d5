import type { AppConfig } from '@mockboard/config';
import pino, { type Logger, type TransportSingleOptions } from 'pino';

/**
 * How the api and the worker write logs: one readable line per entry when a person is watching (stdout is a
 * terminal, whatever NODE_ENV says), JSON lines for a log collector otherwise (a pipe, a file, docker logs).
 * pino-pretty is therefore a production dependency.
 */
export function logTransport(stdoutIsTerminal = Boolean(process.stdout.isTTY)): TransportSingleOptions | undefined {
  if (!stdoutIsTerminal) return undefined;
  return {
    target: 'pino-pretty',
    options: {
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      // Nest's logger names its source in `context`: shown before the message rather than as JSON after it.
      messageFormat: '{if context}{context}: {end}{msg}',
      ignore: 'pid,hostname,context',
    },
  };
}

export function createLogger(config: Pick<AppConfig, 'logLevel'>, name: string): Logger {
  return pino({ name, level: config.logLevel, transport: logTransport() });
}
