import { invalid } from '#kernel';
import type { RecordedEvent } from '#event-store';
import { type HistoryEntry, toHistoryEntry } from '#audit';

export interface HistoryPaging {
  /** First revision to return (default 0). */
  from?: string;
  /** At most this many events (1..1000, default 1000). */
  limit?: string;
}

export interface HistoryPage {
  streamId: string;
  events: HistoryEntry[];
  /** `from` of the next page, null when this one ends the stream. */
  nextFrom: string | null;
}

/**
 * A page of a stream's history, in revision order. `others`: entries of other streams told with it (a project's money), in
 * log order; each comes on the page of the stream's last event before it, so that paging by revision still covers them all.
 */
export function historyPage(
  streamId: string,
  history: readonly RecordedEvent[],
  query: HistoryPaging,
  others: readonly HistoryEntry[] = [],
): HistoryPage {
  const from = query.from === undefined || query.from === '' ? 0 : Number(query.from);
  if (!Number.isSafeInteger(from) || from < 0 || !/^\d*$/.test(query.from ?? ''))
    throw invalid('VALIDATION_FAILED', 'from', 'a revision >= 0');
  const limit = query.limit === undefined || query.limit === '' ? 1000 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw invalid('VALIDATION_FAILED', 'limit', 'an integer from 1 to 1000');
  const slice = history.filter((e) => e.revision >= BigInt(from)).slice(0, limit);
  const last = slice[slice.length - 1];
  const more = last !== undefined && last.revision < history[history.length - 1]!.revision;
  const next = more ? history.find((e) => e.revision > last.revision) : undefined;
  const after = from === 0 ? -1n : (slice[0]?.position ?? BigInt(Number.MAX_SAFE_INTEGER));
  const alongside = others.filter((o) => BigInt(o.position) > after && (next === undefined || BigInt(o.position) < next.position));
  const events = [...slice.map(toHistoryEntry), ...alongside].sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
  return { streamId, events, nextFrom: more ? (last.revision + 1n).toString() : null };
}
