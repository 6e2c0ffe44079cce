export * from './deadline.scheduler.js';
export { DeadlineCheckpointStore } from './deadline.checkpoint.js';
export { deadlineEventId } from './deadline.event-id.js';
export * from './deadline.runner.js';
