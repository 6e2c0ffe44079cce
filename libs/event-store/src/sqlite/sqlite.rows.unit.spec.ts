import { describe, expect, it } from '@jest/globals';
import { fromRaw, type RawEventRow } from './sqlite.rows.js';

const row = (data: string, metadata = '{"actor":"validator-55"}'): RawEventRow =>
  [42, 'project-0550001C', 3, '3f1f8704-1860-4e0b-a1c9-dc0bb0d28e19', 'project.validated', 1, data, metadata, 1_700_000_000_000, 'ab'.repeat(32)];

describe('a stored row read as a recorded event (data and metadata parsed on first access)', () => {
  it('gives the parsed values, parsing each once', () => {
    const e = fromRaw(row('{"reason":"Projet conforme au cahier des charges","amountCents":1250000}'));
    expect(e.data).toEqual({ reason: 'Projet conforme au cahier des charges', amountCents: 1_250_000 });
    expect(e.data).toBe(e.data);
    expect(e.metadata).toEqual({ actor: 'validator-55' });
    expect(e).toMatchObject({ position: 42n, revision: 3n, streamId: 'project-0550001C', schemaVersion: 1 });
    expect(e.recordedAt.getTime()).toBe(1_700_000_000_000);
  });

  it('keeps data and metadata visible to spread, JSON.stringify and Object.keys (consumers copy events)', () => {
    const e = fromRaw(row('{"amountCents":500}'));
    const copy = { ...e, at: 'x' };
    expect(Object.getOwnPropertyDescriptor(copy, 'data')?.value).toEqual({ amountCents: 500 });
    expect(JSON.parse(JSON.stringify({ ...e, revision: 3, position: 42 })).data).toEqual({ amountCents: 500 });
    expect(Object.keys(e)).toEqual(expect.arrayContaining(['data', 'metadata']));
  });

  it('does not parse a page of events that nobody looks into', () => {
    // Unparseable JSON would throw if decoding were eager.
    expect(() => fromRaw(row('{not json'))).not.toThrow();
    expect(() => fromRaw(row('{not json')).data).toThrow(SyntaxError);
  });
});
