interface Waiter {
  position: number;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

/** Callers waiting for the read models to reach a position; each wait is bounded. */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  constructor(private readonly current: () => number) {}

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.current() >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(this.current() >= position);
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  check(): void {
    if (this.waiters.length === 0) return;
    const now = this.current();
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (now >= w.position) {
        clearTimeout(w.timer);
        w.resolve(true);
      } else still.push(w);
    }
    this.waiters = still;
  }

  rejectAll(_reason: Error): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve(false);
    }
    this.waiters = [];
  }
}
