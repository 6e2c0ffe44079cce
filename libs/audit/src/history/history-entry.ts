import type { Actor } from '#kernel';
import type { RecordedEvent } from '#event-store';
import { envelopeIdFromStream } from '#funding';
import { envelopeSummary } from './envelope-summary.js';
import { projectSummary } from './project-summary.js';

/** One event of a stream as an auditor reads it: who, role, territory, when, why, where in the log, its hash, in French. */
export interface HistoryEntry {
  position: string;
  revision: string;
  eventId: string;
  type: string;
  /** The actor id recorded with the event (metadata), or the one the event names. */
  who: string | null;
  role: string | null;
  /** The actor's territory scope at the time (official codes). */
  territory: Actor['scope'] | null;
  /** When the log recorded it (ISO). */
  when: string;
  /** When the actor did it, per the command context (ISO), if recorded. */
  occurredAt: string | null;
  /** The motivation, when the event carries one. */
  why: string | null;
  hash: string | null;
  correlationId: string | null;
  summary: string;
  /** Set on the events of another stream than the page's: a project's money (its award act's, its envelope's). */
  streamId?: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Who did it: the actor of the metadata, or the one the event names. */
export function actorOf(event: RecordedEvent): { who: string | null; role: string | null } {
  const m = event.metadata ?? {};
  const by = (event.data as { by?: unknown } | null)?.by;
  const byObject = by && typeof by === 'object' ? (by as { id?: unknown; role?: unknown }) : undefined;
  return {
    who: str(m['actor']) ?? str(m['actorId']) ?? str(byObject?.id) ?? str(by) ?? str((event.data as { declarant?: unknown }).declarant),
    role: str(m['role']) ?? str(byObject?.role),
  };
}

function reasonOf(event: RecordedEvent): string | null {
  const d = (event.data ?? {}) as { reason?: unknown; onExpiry?: { reason?: unknown }; unpaidOrdersReason?: unknown };
  if (event.type === 'envelope.year_closed') return str(d.unpaidOrdersReason); // why the close let unpaid orders go on
  return str(d.reason) ?? (event.type.endsWith('deadline_opened') ? str(d.onExpiry?.reason) : null);
}

/** The French line for any event of a project or envelope stream. */
export function summarize(event: RecordedEvent): string {
  const { who, role } = actorOf(event);
  const envelopeId = envelopeIdFromStream(event.streamId);
  if (envelopeId !== undefined) return envelopeSummary(envelopeId, event.type, event.data, who, role);
  return projectSummary(event.type, event.data, who, role);
}

export function toHistoryEntry(event: RecordedEvent): HistoryEntry {
  const { who, role } = actorOf(event);
  const m = event.metadata ?? {};
  const scope = m['scope'];
  return {
    position: event.position.toString(),
    revision: event.revision.toString(),
    eventId: event.id,
    type: event.type,
    who,
    role,
    territory: scope && typeof scope === 'object' ? (scope as Actor['scope']) : null,
    when: event.recordedAt.toISOString(),
    occurredAt: str(m['occurredAt']),
    why: reasonOf(event),
    hash: event.hash ?? null,
    correlationId: str(m['correlationId']),
    summary: summarize(event),
  };
}
