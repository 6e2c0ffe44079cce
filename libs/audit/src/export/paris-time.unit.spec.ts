import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { frenchDateTime, isoParisDateTime, parisOffsetMinutes, parisWallClock } from './paris-time.js';

const byIntl = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' });

describe('Paris time of the ledger’s dates (one Intl call per hour, cached)', () => {
  it('across the changes of 2023: 26 March at 01:00 UTC (+01:00 → +02:00), 29 October at 01:00 UTC (back to +01:00)', () => {
    const at = (iso: string) => new Date(iso);
    expect(
      ['2023-03-26T00:59:59Z', '2023-03-26T01:00:00Z', '2023-10-29T00:59:59Z', '2023-10-29T01:00:00Z'].map((iso) => [
        frenchDateTime(at(iso)),
        isoParisDateTime(at(iso)),
      ]),
    ).toEqual([
      ['26/03/2023 01:59:59', '2023-03-26T01:59:59.000+01:00'],
      ['26/03/2023 03:00:00', '2023-03-26T03:00:00.000+02:00'],
      ['29/10/2023 02:59:59', '2023-10-29T02:59:59.000+02:00'],
      ['29/10/2023 02:00:00', '2023-10-29T02:00:00.000+01:00'],
    ]);
  });

  it('any instant of 2000–2100: the text Intl writes, the same instant back from the ISO text, the wall clock of the offset', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(frenchDateTime(d)).toBe(byIntl.format(d));
        expect(new Date(isoParisDateTime(d)).getTime()).toBe(d.getTime());
        expect(parisWallClock(d).getTime() - d.getTime()).toBe(parisOffsetMinutes(d) * 60_000);
        expect([60, 120]).toContain(parisOffsetMinutes(d));
      }),
      { numRuns: 2000 },
    );
  });
});
