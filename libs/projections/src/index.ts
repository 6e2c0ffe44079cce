export * from './runner/projection.js';
export * from './runner/projection-runner.js';
export * from './runner/checkpoint.store.js';
export * from './project-list/project-list.projection.js';
export * from './project-list/project-list.queries.js';
