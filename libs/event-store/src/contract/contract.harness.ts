import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend } from '../event-store.port.js';
import type { UpcasterRegistry } from '../upcasting/upcaster.registry.js';

/** What an adapter gives the contract suite. */
export interface ContractHarness {
  store: EventStore;
  /** Opens the same storage again (another connection), e.g. after a crash. */
  reopen(): Promise<EventStore>;
  /** Environment for `dist/test/support/append-loop.js` to reach the same storage from a child process. */
  childEnv(): Record<string, string>;
  cleanup(): Promise<void>;
}

export interface ContractFactory {
  name: string;
  /** Why the cases cannot run here (no server, no engine); undefined when they can. */
  unavailable?: () => Promise<string | undefined>;
  create(options?: { upcasters?: UpcasterRegistry }): Promise<ContractHarness>;
}

/** Unique per test run so that suites against a shared server never collide. */
export function streamName(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export function anEvent(type = 'ThingHappened', data: Record<string, unknown> = { n: 1 }): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { actor: 'contract-suite' } };
}

export function events(n: number, type = 'ThingHappened'): EventToAppend[] {
  return Array.from({ length: n }, (_, i) => anEvent(type, { n: i }));
}
