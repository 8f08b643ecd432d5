export { startWorker, type RunningWorker } from './worker';
export { createLogger, logTransport } from './logger';
