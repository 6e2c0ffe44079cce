import type { RecordedEvent } from '#event-store';

/** Builds recorded events at increasing positions, all recorded at `recordedAt`, by a finance officer unless told. */
export function recordedEvents(recordedAt: string, firstPosition = 0n) {
  let position = firstPosition;
  return (streamId: string, type: string, data: unknown, actorId = 'finance-nancy-metz', role = 'finance'): RecordedEvent => ({
    id: `e-${position}`,
    streamId,
    revision: 0n,
    position: ++position,
    type,
    schemaVersion: 1,
    data,
    metadata: { actorId, role },
    recordedAt: new Date(recordedAt),
    hash: undefined,
  });
}
