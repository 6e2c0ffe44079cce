export * from './deadlines/index.js';
export * from './funding/index.js';
