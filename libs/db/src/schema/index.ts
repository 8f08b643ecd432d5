export * from './users';
export * from './sessions';
export * from './interview';
export * from './scoring';
export * from './recordings';
