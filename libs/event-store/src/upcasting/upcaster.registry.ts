import type { RecordedEvent } from '../event-store.port.js';

/** Turns the data of `type` at `fromVersion` into the shape of `fromVersion + 1`. */
export type Upcaster = (data: any, event: RecordedEvent) => unknown;

/**
 * Event schema evolution: each event type has a current schema version; events stored
 * under an older version are upcast step by step on read, never rewritten in the log.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Map<number, Upcaster>>();
  private readonly current = new Map<string, number>();

  register(type: string, fromVersion: number, upcast: Upcaster): this {
    if (!Number.isInteger(fromVersion) || fromVersion < 1) throw new Error(`upcaster ${type}: bad version ${fromVersion}`);
    const byVersion = this.steps.get(type) ?? new Map<number, Upcaster>();
    if (byVersion.has(fromVersion)) throw new Error(`upcaster ${type} v${fromVersion} registered twice`);
    byVersion.set(fromVersion, upcast);
    this.steps.set(type, byVersion);
    this.current.set(type, Math.max(this.current.get(type) ?? 1, fromVersion + 1));
    return this;
  }

  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast<T>(event: RecordedEvent<T>): RecordedEvent<T> {
    const target = this.currentVersion(event.type);
    if (event.schemaVersion >= target) return event;
    const byVersion = this.steps.get(event.type)!;
    let data: unknown = event.data;
    for (let v = event.schemaVersion; v < target; v++) {
      const step = byVersion.get(v);
      if (!step) throw new Error(`no upcaster for ${event.type} v${v} → v${v + 1}`);
      data = step(data, event);
    }
    return { ...event, data: data as T, schemaVersion: target };
  }
}
