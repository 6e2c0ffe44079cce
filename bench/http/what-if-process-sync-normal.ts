import Database from 'better-sqlite3';

/**
 * A what-if for the profile only, never for the reported figures: preloaded into the API
 * (`node --import`), it turns `synchronous = FULL` into NORMAL on every SQLite file except the
 * event log, i.e. on the funding and deadline processes' checkpoint files. The event log keeps FULL.
 */
const proto = Database.prototype as unknown as { pragma: (this: Database.Database, source: string, options?: unknown) => unknown };
const original = proto.pragma;
proto.pragma = function (source: string, options?: unknown) {
  const relaxed = /synchronous\s*=\s*full/i.test(source) && !this.name.endsWith('events.sqlite') ? 'synchronous = NORMAL' : source;
  return original.call(this, relaxed, options);
};
