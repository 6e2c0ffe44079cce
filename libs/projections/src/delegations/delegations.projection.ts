import { type Delegation, DelegationEventType, asDelegationEvent, evolveDelegation, lastDayOf } from '#delegations';
import type { Projection } from '../runner/projection.js';

export const DELEGATIONS = 'delegations';

/**
 * Every delegation of signature, folded by the domain's own evolve (the row keeps the folded delegation as JSON),
 * with the columns the list filters on: delegate, authority, first and last day in force (null: open-ended).
 */
export const delegationsProjection: Projection = {
  name: DELEGATIONS,
  version: 1,
  handles: Object.values(DelegationEventType),
  tables: ['delegation_list'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}delegation_list" (
        delegation_id TEXT PRIMARY KEY, delegate_id TEXT NOT NULL, authority_id TEXT NOT NULL, valid_from TEXT NOT NULL,
        last_day TEXT, delegation TEXT NOT NULL, position INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS "${prefix}delegation_list_delegate" ON "${prefix}delegation_list" (delegate_id);
      CREATE INDEX IF NOT EXISTS "${prefix}delegation_list_authority" ON "${prefix}delegation_list" (authority_id);`);
  },
  apply(db, event, prefix) {
    const e = asDelegationEvent(event);
    if (!e) return;
    const stored = db.prepare(`SELECT delegation FROM "${prefix}delegation_list" WHERE delegation_id = ?`).get(e.data.delegationId) as
      { delegation: string } | undefined;
    const before = stored ? (JSON.parse(stored.delegation) as Delegation) : null;
    const after = evolveDelegation({ delegation: before, unrecognisedEvents: [] }, e).delegation;
    if (!after) return;
    db.prepare(
      `INSERT OR REPLACE INTO "${prefix}delegation_list"
        (delegation_id, delegate_id, authority_id, valid_from, last_day, delegation, position) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      after.delegationId,
      after.delegate.personId,
      after.authority.personId,
      after.validFrom,
      lastDayOf(after),
      JSON.stringify(after),
      Number(event.position),
    );
  },
};
