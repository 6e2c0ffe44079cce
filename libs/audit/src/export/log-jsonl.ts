import type { EventStore, RecordedEvent } from '#event-store';
import { readLogPages } from './read-pages.js';

/** One event as one JSON line: positions and revisions as strings (they are 64-bit). */
export function eventJsonLine(e: RecordedEvent): string {
  return `${JSON.stringify({
    position: e.position.toString(),
    streamId: e.streamId,
    revision: e.revision.toString(),
    id: e.id,
    type: e.type,
    schemaVersion: e.schemaVersion,
    recordedAt: e.recordedAt.toISOString(),
    hash: e.hash ?? null,
    metadata: e.metadata,
    data: e.data,
  })}\n`;
}

/**
 * The whole log as JSON Lines, one chunk per page, up to the head at the start of the export: the events as stored
 * (types and data as their version wrote them, not upcast), so that anyone can recompute the hashes it carries.
 */
export async function* logJsonLines(store: EventStore, options: { pageSize?: number } = {}): AsyncGenerator<string> {
  for await (const page of readLogPages(store, { ...options, stored: true })) yield page.map(eventJsonLine).join('');
}
