export * from './event-store.port.js';
export * from './event-store.errors.js';
export * from './hash-chain.js';
export * from './upcasting/upcaster.registry.js';
export { validateAppend } from './validate-append.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store.js';
export { createDataDirectory, DATA_DIR_MODE, DATABASE_FILE_MODE, restrictDatabaseFile } from './sqlite/file-modes.js';
export * from './open-event-store.js';
export * from './handle-command.js';
