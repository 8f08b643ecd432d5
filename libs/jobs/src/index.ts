export * from './jobs';
export * from './recording-jobs';
