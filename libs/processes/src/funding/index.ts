export * from './funding.matching.js';
export * from './funding.process.js';
export { FundingProcessStore } from './funding.store.js';
export type * from './funding.port.js';
export * from './funding.steps.js';
export * from './funding.runner.js';
