export * from './deadline.scheduler.js';
export { DeadlineCheckpointStore } from './deadline.checkpoint.js';
export * from './deadline.runner.js';
