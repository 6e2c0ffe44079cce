import { describe, expect, it } from '@jest/globals';
import { fromRaw, type RawEventRow } from './sqlite.rows.js';

const row = (data: string, metadata = '{"actor":"validator-55"}'): RawEventRow => [
  42,
  'project-0550001C',
  3,
  '3f1f8704-1860-4e0b-a1c9-dc0bb0d28e19',
  'project.validated',
  1,
  data,
  metadata,
  1_700_000_000_000,
  'ab'.repeat(32),
];

describe('a stored row read as a recorded event', () => {
  it('gives the parsed values and the row numbers as bigint positions and revisions', () => {
    const e = fromRaw(row('{"reason":"Projet conforme au cahier des charges","amountCents":1250000}'));
    expect(e.data).toEqual({ reason: 'Projet conforme au cahier des charges', amountCents: 1_250_000 });
    expect(e.metadata).toEqual({ actor: 'validator-55' });
    expect(e).toMatchObject({ position: 42n, revision: 3n, streamId: 'project-0550001C', schemaVersion: 1 });
    expect(e.recordedAt.getTime()).toBe(1_700_000_000_000);
  });

  it('is plain data: spread, structuredClone and JSON keep data and metadata (consumers copy events)', () => {
    const e = fromRaw(row('{"amountCents":500}'));
    expect(Object.getOwnPropertyDescriptor({ ...e, at: 'x' }, 'data')?.value).toEqual({ amountCents: 500 });
    expect(structuredClone(e).metadata).toEqual({ actor: 'validator-55' });
    expect(JSON.parse(JSON.stringify({ ...e, revision: 3, position: 42 })).data).toEqual({ amountCents: 500 });
  });
});
