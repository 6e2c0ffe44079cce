import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore, RecordedEvent } from '#event-store';

export const DEFAULT_PAGE_SIZE = 1000;

/**
 * The whole log (or up to `upTo`) in pages of `pageSize` events: memory holds one page at a time. Between two pages it
 * lets the event loop turn: the embedded store reads synchronously, and a reader that keeps up (a fast client, a file)
 * would otherwise hold the process for the whole export, every other request and timer waiting.
 */
export async function* readLogPages(
  store: EventStore,
  options: { pageSize?: number; upTo?: bigint; stored?: boolean } = {},
): AsyncGenerator<RecordedEvent[]> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const upTo = options.upTo ?? (await store.headPosition());
  let from = 1n;
  while (from <= upTo) {
    const page = (await store.readAll({ fromPosition: from, maxCount: pageSize, stored: options.stored })).filter(
      (e) => e.position <= upTo,
    );
    if (page.length === 0) return;
    yield page;
    await nextTurn();
    from = page[page.length - 1]!.position + 1n;
  }
}
