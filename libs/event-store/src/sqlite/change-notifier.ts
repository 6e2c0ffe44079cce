import type { Database } from 'better-sqlite3';

/**
 * Wakes subscriptions when the log may have grown: at once after a local commit, and by
 * polling `PRAGMA data_version` (which changes when another connection, e.g. another
 * process, commits) while anyone is waiting.
 */
export class ChangeNotifier {
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastVersion: number;

  constructor(
    private readonly db: Database,
    private readonly pollMs: number,
  ) {
    this.lastVersion = this.dataVersion();
  }

  /**
   * Resolves on the next change; call it synchronously right after a read that found nothing.
   * `cancel` resolves it at once and forgets the waiter (a closed subscription leaks nothing).
   */
  next(): { changed: Promise<void>; cancel: () => void } {
    let wake!: () => void;
    const changed = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.push(wake);
    this.ensurePolling();
    const cancel = () => {
      this.waiters = this.waiters.filter((w) => w !== wake);
      wake();
    };
    return { changed, cancel };
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.notify();
  }

  private ensurePolling(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.waiters.length === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
        return;
      }
      if (!this.db.open) return;
      const version = this.dataVersion();
      if (version !== this.lastVersion) {
        this.lastVersion = version;
        this.notify();
      }
    }, this.pollMs);
    this.timer.unref();
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
}
