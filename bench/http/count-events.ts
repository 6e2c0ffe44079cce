import { SqliteEventStore } from '#event-store';

/** Reads the whole log (the API stopped) through the store and counts the events of one type. */
export async function countEvents(path: string, type: string): Promise<{ ofType: number; total: number }> {
  const store = new SqliteEventStore({ path });
  try {
    let ofType = 0;
    let total = 0;
    let from = 1n;
    for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: 10_000 });
      for (const e of page) if (e.type === type) ofType++;
      total += page.length;
      if (page.length < 10_000) break;
      from = page[page.length - 1]!.position + 1n;
    }
    return { ofType, total };
  } finally {
    await store.close();
  }
}
