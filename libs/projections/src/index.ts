export * from './runner/projection.js';
export * from './runner/projection-runner.js';
export * from './runner/checkpoint.store.js';
