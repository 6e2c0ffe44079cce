import type { Actor } from './decider.js';

/**
 * What every command carries besides its own inputs, whoever sends it (HTTP, a process, the CLI, the demo):
 * the acting principal, the client's idempotency key, the revision it saw, and the ids tying it to what caused it.
 */
export interface CommandMeta {
  principal: Actor;
  /** A retry with the same key is answered with the first outcome; the same key on another command is refused. */
  idempotencyKey?: string;
  /** The stream revision the sender saw (If-Match): a mismatch is refused as stale, never retried. */
  expectedRevision?: bigint;
  /** Ties together everything one user action caused, across streams and processes. */
  correlationId: string;
  /** The id of the request, command or event that caused this command. */
  causationId: string;
}

/** The one metadata shape every event carries (stamped by the command shell, never by a decider). */
export interface EventMetadata {
  actorId: string;
  role: Actor['role'];
  scope: Actor['scope'];
  /** The organisation the actor acts for, where there is one. */
  onBehalfOf?: string;
  occurredAt: string;
  correlationId: string;
  causationId: string;
  replica: string;
  /** The command that wrote the event ('project.validate') and a digest of its inputs: a reused key is recognised. */
  command: string;
  fingerprint: string;
  idempotencyKey?: string;
}

/** Metadata as v1 wrote it named the actor `actor` (the HTTP shell) or `actorId` (the processes): one shape on read. */
export function normalizedMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  if (!('actor' in metadata) || 'actorId' in metadata) return metadata;
  const { actor, ...rest } = metadata;
  return { actorId: actor, ...rest };
}
