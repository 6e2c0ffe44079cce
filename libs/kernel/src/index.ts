export * from './decider.js';
export * from './domain-error.js';
export * from './event-id.js';
export * from './command-meta.js';
export * from './persistent-map.js';
export * from './persistent-list.js';
