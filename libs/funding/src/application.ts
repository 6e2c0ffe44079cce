// The envelope application shell: runs envelope commands on the event store (imported as '#funding/application').
export * from './application/handle-envelope-command.js';
export * from './application/allocate-to-child.js';
export * from './application/transfer.js';
export * from './application/complete-pending.js';
