export * from './report-deadline.process.js';
export type * from './report-deadline.port.js';
export { type ReportDeadlineRecord, ReportDeadlineProcessStore } from './report-deadline.store.js';
export * from './report-deadline.runner.js';
