export * from './decider.js';
export * from './domain-error.js';
export * from './event-id.js';
export * from './command-meta.js';
