import type { RecordedEvent } from '#event-store';

/**
 * The time of an event as the read models see it: the domain's own `data.at` when present, else
 * the store's `recordedAt`. Never the wall clock: read models must replay identically.
 */
export function eventTime(event: RecordedEvent): string {
  const at = (event.data as { at?: unknown } | null)?.at;
  return typeof at === 'string' && at.length >= 10 ? at : event.recordedAt.toISOString();
}

/** 'YYYY-MM-DD' (UTC) of an event. */
export const eventDay = (event: RecordedEvent): string => eventTime(event).slice(0, 10);
