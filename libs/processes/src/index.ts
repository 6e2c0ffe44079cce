export * from './deadlines/index.js';
