// Pure: French summaries, history entries, visibility, as-of folding.
export * from './history/french.js';
export * from './history/project-summary.js';
export * from './history/envelope-summary.js';
export * from './history/history-entry.js';
export * from './history/money-names.js';
export * from './history/money-history.js';
export * from './access/visibility.js';
export * from './as-of/fold-as-of.js';
// I/O: the store, the raw SQLite file, keys in DATA_DIR, scratch databases.
export * from './as-of/stream-as-of.js';
export * from './as-of/funnel-as-of.js';
export * from './verify/verify.types.js';
export { verifyLog, type RevisionGap } from './verify/verify-log.js';
export * from './anchor/audit-key.js';
export * from './anchor/audit-keyring.js';
export * from './anchor/anchor.js';
export * from './replay/bounded-store.js';
export * from './replay/compare-tables.js';
export * from './replay/replay-check.js';
export * from './export/write-chunks.js';
export * from './export/read-pages.js';
export * from './export/log-jsonl.js';
export * from './export/paris-time.js';
export * from './export/project-titles.js';
export * from './export/ledger-rows.js';
export * from './export/ledger-csv.js';
export * from './export/ledger-xlsx.js';
