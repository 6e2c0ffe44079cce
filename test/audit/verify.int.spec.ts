import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { describeFault, verifyLog } from '#audit';
import { buildLog, changeOneByte, deleteRow, type Row, rows, swapRows } from './support/tamper.js';

describe('audit verify recomputes the log from its raw rows and names the first bad event', () => {
  let dir: string;
  let path: string;
  let log: Row[];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-verify-'));
    path = join(dir, 'events.sqlite');
    log = await buildLog(path);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const at = (position: number) => log.find((r) => r.position === position)!;

  it('an untouched log verifies: every hash, revision, position, and the head equal to log_head', () => {
    const report = verifyLog(path);
    expect(report).toMatchObject({ ok: true, events: 10, streams: 3, faults: [], first: null });
    expect(report.head).toEqual(report.storedHead);
    expect(report.head.position).toBe(10);
  });

  it("one byte of one event's data changed: hash mismatch at that event, and only there", () => {
    changeOneByte(path, 5);
    const report = verifyLog(path);
    expect(report.ok).toBe(false);
    expect(report.first).toMatchObject({ kind: 'hash_mismatch', position: 5, streamId: 'project-a', revision: 2, eventId: at(5).event_id });
    expect(report.faults.filter((f) => f.kind === 'hash_mismatch')).toHaveLength(1);
    expect(describeFault(report.first!)).toMatch(/^position 5, stream project-a, revision 2: altered event \(hash mismatch\)/);
  });

  it('an altered type, time or metadata is caught the same way', () => {
    const db = new Database(path);
    db.prepare('UPDATE events SET metadata = \'{"actor":"someone-else","role":"validator"}\' WHERE position = 7').run();
    db.prepare('UPDATE events SET recorded_at = recorded_at + 1 WHERE position = 9').run();
    db.close();
    const report = verifyLog(path);
    expect(report.faults.map((f) => [f.kind, f.position])).toEqual(
      expect.arrayContaining([
        ['hash_mismatch', 7],
        ['hash_mismatch', 9],
      ]),
    );
    expect(report.first).toMatchObject({ kind: 'hash_mismatch', position: 7, streamId: 'project-a', revision: 3 });
  });

  it('a row deleted inside a stream: revision gap, named by position, stream and revision', () => {
    deleteRow(path, 5); // project-a revision 2
    const report = verifyLog(path);
    expect(report.first).toMatchObject({ kind: 'revision_gap', position: 5, streamId: 'project-a', revision: 2 });
    expect(report.faults.some((f) => f.kind === 'head_mismatch')).toBe(true);
  });

  it('the last event of a stream deleted: the position is missing and the head no longer matches', () => {
    deleteRow(path, 9); // project-b revision 2, its last
    const report = verifyLog(path);
    expect(report.first).toMatchObject({ kind: 'position_gap', position: 9 });
    expect(report.faults.map((f) => f.kind)).toContain('head_mismatch');
  });

  it('the last event of the log deleted: head mismatch naming the missing position', () => {
    deleteRow(path, 10);
    const report = verifyLog(path);
    expect(report.first).toMatchObject({ kind: 'head_mismatch', position: 10 });
    expect(report.first!.message).toMatch(/events 10\.\.10 are missing/);
  });

  it('two rows of a stream swapped: chain broken at the first of them, naming the event now there', () => {
    swapRows(path, 3, 7); // project-a revisions 1 and 3
    expect(rows(path).find((r) => r.position === 3)).toMatchObject({ stream_id: 'project-a', revision: 3 });
    const report = verifyLog(path);
    expect(report.first).toMatchObject({ kind: 'chain_broken', position: 3, streamId: 'project-a', revision: 3 });
    expect(report.faults.every((f) => f.kind !== 'hash_mismatch')).toBe(true);
  });

  it('two rows of different streams swapped: the head over global order breaks, located by time order', () => {
    swapRows(path, 4, 6); // envelope revision 0 and project-b revision 1: each stream keeps its own order
    const report = verifyLog(path);
    expect(report.ok).toBe(false);
    expect(report.first).toMatchObject({ kind: 'head_mismatch', position: 4, streamId: 'project-b', revision: 1 });
    expect(report.first!.message).toMatch(/global order changed/);
  });
});
