export * from './money.js';
export * from './envelope.id.js';
export * from './request-id.js';
export * from './envelope.events.js';
export * from './envelope.commands.js';
export * from './envelope.state.js';
export * from './envelope.decide.js';
export * from './envelope.evolve.js';
export * from './envelope.decider.js';
export * from './envelope.balance.js';
export * from './envelope.ledger.js';
export * from './envelope.invariants.js';
export * from './envelope.policy.js';
export { MANAGERS, COMMITTERS, PAYERS } from './envelope.guards.js';
export { RECOVERY_TITLE_LABELS } from './envelope.decide.recovery.js';
// The application shell (it uses the event store) is imported apart, as '#funding/application'.
export * from './commitment-book.js';
export * from './envelope.snapshot.js';
