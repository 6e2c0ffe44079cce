import type { EventStore, RecordedEvent } from '#event-store';

export const DEFAULT_PAGE_SIZE = 1000;

/** The whole log (or up to `upTo`) in pages of `pageSize` events: memory holds one page at a time. */
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
    from = page[page.length - 1]!.position + 1n;
  }
}
