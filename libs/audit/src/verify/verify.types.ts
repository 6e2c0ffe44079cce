/**
 * hash_mismatch: the event's content no longer gives its recorded hash (data, metadata, type… altered);
 * revision_gap: revisions of a stream are missing (a row deleted);
 * position_gap: global positions are missing (a row deleted; its stream is unknown when it was the last of its stream);
 * chain_broken: the events of a stream are not in revision order over the global log (rows reordered);
 * head_mismatch: the chained head over global order (log_head, or an anchor) differs from the recomputed one;
 * time_reversed (warning): an event was recorded earlier than the one before it in global order.
 */
export type FaultKind = 'hash_mismatch' | 'revision_gap' | 'position_gap' | 'chain_broken' | 'head_mismatch' | 'time_reversed';

export interface Fault {
  kind: FaultKind;
  /** Where the fault is in the global log (null when it cannot be located). */
  position: number | null;
  streamId: string | null;
  revision: number | null;
  eventId: string | null;
  message: string;
}

export interface LogHead {
  position: number;
  hash: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Events read (up to `upTo` when given). */
  events: number;
  streams: number;
  /** The head recomputed over global order from the rows. */
  head: LogHead;
  /** What the store recorded in `log_head` (null: none). */
  storedHead: LogHead | null;
  /** Sorted by position (unlocated last). */
  faults: Fault[];
  warnings: Fault[];
  /** The first fault: the first altered, missing or reordered event. */
  first: Fault | null;
}

const KIND_LABELS: Record<FaultKind, string> = {
  hash_mismatch: 'altered event (hash mismatch)',
  revision_gap: 'missing event (revision gap)',
  position_gap: 'missing event (position gap)',
  chain_broken: 'reordered events (chain broken)',
  head_mismatch: 'log head mismatch',
  time_reversed: 'time goes backwards',
};

/** "position 12, stream project-…, revision 3: altered event (hash mismatch): …" */
export function describeFault(f: Fault): string {
  const where = [
    f.position !== null ? `position ${f.position}` : 'position unknown',
    f.streamId !== null ? `stream ${f.streamId}` : undefined,
    f.revision !== null ? `revision ${f.revision}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${KIND_LABELS[f.kind]}: ${f.message}`;
}
