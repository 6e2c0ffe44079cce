/** Looks project titles up in a read model (the projects list): the ids it knows, with their titles. */
export type ProjectTitleLookup = (projectIds: readonly string[]) => ReadonlyMap<string, string> | Promise<ReadonlyMap<string, string>>;

export const DEFAULT_TITLE_CACHE_SIZE = 10_000;

/**
 * Project titles for the ledger, asked of the read model once per page for the ids the page needs and the cache has not
 * got, and kept in a bounded cache (least recently used out first): a log of any length holds at most `capacity` titles.
 * An unknown project (not in the read model, or no lookup at all) has no title.
 */
export class ProjectTitleCache {
  private readonly titles = new Map<string, string | null>();
  lookups = 0;

  constructor(
    private readonly lookup: ProjectTitleLookup | undefined,
    private readonly capacity = DEFAULT_TITLE_CACHE_SIZE,
  ) {}

  get size(): number {
    return this.titles.size;
  }

  /** Makes the titles of `projectIds` available to `titleOf` (one lookup for those missing). */
  async load(projectIds: Iterable<string>): Promise<void> {
    if (!this.lookup) return;
    const missing = [...new Set(projectIds)].filter((id) => !this.titles.has(id));
    if (missing.length === 0) return;
    this.lookups++;
    const found = await this.lookup(missing);
    for (const id of missing) this.remember(id, found.get(id) ?? null);
  }

  titleOf(projectId: string): string | null {
    const title = this.titles.get(projectId);
    if (title === undefined) return null;
    this.titles.delete(projectId);
    this.titles.set(projectId, title);
    return title;
  }

  private remember(id: string, title: string | null): void {
    this.titles.set(id, title);
    while (this.titles.size > this.capacity) this.titles.delete(this.titles.keys().next().value!);
  }
}
