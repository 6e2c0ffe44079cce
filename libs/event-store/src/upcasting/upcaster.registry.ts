import type { RecordedEvent } from '../event-store.port.js';

/** Turns the data of `type` at `fromVersion` into the shape of `fromVersion + 1`. */
// `any`, not `unknown`: each upcaster declares the old shape it takes, `(d: { euros: string }) => …`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Upcaster = (data: any, event: RecordedEvent) => unknown;

/** Reads an event stored under an old, retired type as the event of another type it stands for (one typed business fact). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Upcaster: each retyper declares the old shape it takes
export type Retyper = (data: any, event: RecordedEvent) => { type: string; data: unknown };

type Step = { kind: 'data'; upcast: Upcaster } | { kind: 'type'; retype: Retyper };

/**
 * Event schema evolution: each event type has a current schema version; events stored
 * under an older version are upcast step by step on read, never rewritten in the log
 * (the hash chain covers the stored bytes). A step may also change the event's type:
 * the event then goes on at version 1 of its new type.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Map<number, Step>>();
  private readonly current = new Map<string, number>();
  private metadataShape?: (metadata: Record<string, unknown>) => Record<string, unknown>;

  register(type: string, fromVersion: number, upcast: Upcaster): this {
    return this.add(type, fromVersion, { kind: 'data', upcast });
  }

  retype(type: string, fromVersion: number, retype: Retyper): this {
    return this.add(type, fromVersion, { kind: 'type', retype });
  }

  /** Reads every event's metadata in today's shape (applied on read, like the other steps; the log keeps its bytes). */
  metadata(normalize: (metadata: Record<string, unknown>) => Record<string, unknown>): this {
    this.metadataShape = normalize;
    return this;
  }

  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast<T>(event: RecordedEvent<T>): RecordedEvent<T> {
    let e: RecordedEvent = event;
    if (this.metadataShape) {
      const metadata = this.metadataShape(e.metadata);
      if (metadata !== e.metadata) e = { ...e, metadata };
    }
    for (let hops = 0; e.schemaVersion < this.currentVersion(e.type); hops++) {
      if (hops > 100) throw new Error(`upcasting ${event.type} v${event.schemaVersion} does not converge`);
      const step = this.steps.get(e.type)?.get(e.schemaVersion);
      if (!step) throw new Error(`no upcaster for ${e.type} v${e.schemaVersion} → v${e.schemaVersion + 1}`);
      if (step.kind === 'data') e = { ...e, data: step.upcast(e.data, e), schemaVersion: e.schemaVersion + 1 };
      else e = { ...e, ...step.retype(e.data, e), schemaVersion: 1 };
    }
    return e as RecordedEvent<T>;
  }

  private add(type: string, fromVersion: number, step: Step): this {
    if (!Number.isInteger(fromVersion) || fromVersion < 1) throw new Error(`upcaster ${type}: bad version ${fromVersion}`);
    const byVersion = this.steps.get(type) ?? new Map<number, Step>();
    if (byVersion.has(fromVersion)) throw new Error(`upcaster ${type} v${fromVersion} registered twice`);
    byVersion.set(fromVersion, step);
    this.steps.set(type, byVersion);
    this.current.set(type, Math.max(this.current.get(type) ?? 1, fromVersion + 1));
    return this;
  }
}
