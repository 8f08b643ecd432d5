export * from './problems';
export * from './framework';
export * from './components';
