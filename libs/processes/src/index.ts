export * from './deadlines/index.js';
export * from './funding/index.js';
export * from './report-deadline/index.js';
