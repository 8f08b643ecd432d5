export * from './http/auth.schemas';
export * from './http/errors';
export * from './http/health';
