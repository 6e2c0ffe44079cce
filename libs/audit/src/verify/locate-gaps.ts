import type { Fault } from './verify.types.js';
import type { RevisionGap } from './verify-log.js';

/**
 * A deleted row shows twice: as missing revisions of its stream and as missing global positions. Each revision
 * gap takes the first missing position between its neighbours in the stream; positions no stream claims are
 * reported alone (the deleted event was the last of its stream, so its stream cannot be told).
 */
export function locateGaps(gaps: readonly RevisionGap[], positionGaps: readonly { from: number; to: number }[]): Fault[] {
  const unclaimed = positionGaps.map((g) => ({ ...g }));
  const faults: Fault[] = [];
  for (const g of gaps) {
    const low = (g.afterPosition ?? 0) + 1;
    const high = g.beforePosition - 1;
    const hit = unclaimed.find((p) => p.to >= low && p.from <= high && p.to >= p.from);
    const count = g.toRevision - g.fromRevision + 1;
    let position = g.beforePosition;
    let where = `before position ${g.beforePosition} (the next event of the stream)`;
    if (hit) {
      position = Math.max(hit.from, low);
      where = `at position ${position}`;
      hit.from = position + count; // consumed
    }
    faults.push({
      kind: 'revision_gap',
      position,
      streamId: g.streamId,
      revision: g.fromRevision,
      eventId: null,
      message:
        `revision${count > 1 ? `s ${g.fromRevision}..${g.toRevision}` : ` ${g.fromRevision}`} ` +
        `of the stream ${count > 1 ? 'are' : 'is'} missing ${where}`,
    });
  }
  for (const p of unclaimed) {
    if (p.from > p.to) continue;
    faults.push({
      kind: 'position_gap',
      position: p.from,
      streamId: null,
      revision: null,
      eventId: null,
      message:
        `position${p.to > p.from ? `s ${p.from}..${p.to} are` : ` ${p.from} is`} ` +
        'missing from the log (the last event of its stream: stream unknown)',
    });
  }
  return faults;
}
