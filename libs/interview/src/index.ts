export * from './framework';
export * from './task-types';
export * from './problem';
export * from './problems';
export * from './components';
export * from './session-clock';
export * from './rubric';
