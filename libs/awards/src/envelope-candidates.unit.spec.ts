import { describe, expect, it } from '@jest/globals';
import { envelopeCandidates } from './envelope-candidates.js';

/** Bar-le-Duc (Meuse, 55): académie de Nancy-Metz (12), région Grand Est (44); the MSP of Spincourt in CTS-44-55. */
const school = { program: 'education' as const, territory: { region: '44', departement: '55', academie: '12' } };
const msp = { program: 'health' as const, territory: { region: '44', departement: '55', cts: 'CTS-44-55' } };
const OPEN = [
  'fip-national-2023-2027',
  'fip-academie-12-2023',
  'fip-academie-12-2023-2027',
  'fip-academie-09-2023',
  'fip-academie-12-2024',
  'fir-ars-44-2023',
  'fir-ars-44-2023-2024',
  'fir-ars-32-2023',
];

describe('the envelopes an award act may draw on (the system proposes the first)', () => {
  it('education: the académie’s FIP envelopes of that exercise, the single-year one proposed before the multi-year one', () => {
    expect(envelopeCandidates(school, 2023, OPEN).map((c) => c.envelopeId)).toEqual(['fip-academie-12-2023', 'fip-academie-12-2023-2027']);
    expect(envelopeCandidates(school, 2025, OPEN).map((c) => c.envelopeId)).toEqual(['fip-academie-12-2023-2027']);
  });

  it('health: the ARS’s FIR envelopes, with the project’s CTS as the split key; never another région’s, never the national one', () => {
    const found = envelopeCandidates(msp, 2024, OPEN);
    expect(found).toEqual([{ envelopeId: 'fir-ars-44-2023-2024', fromYear: 2023, toYear: 2024, splitKey: 'CTS-44-55' }]);
  });

  it('nothing matches outside the periods', () => {
    expect(envelopeCandidates(msp, 2027, OPEN)).toEqual([]);
  });
});
