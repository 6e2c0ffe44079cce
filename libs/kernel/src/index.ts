export * from './decider.js';
export * from './domain-error.js';
export * from './event-id.js';
