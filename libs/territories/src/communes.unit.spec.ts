import { describe, expect, it } from '@jest/globals';
import { communeLiesIn, findCommune } from './index.js';

describe('communes (official divisions)', () => {
  it('finds a commune by its INSEE code, with its département and région', () => {
    expect(findCommune('60057')).toMatchObject({ name: 'Beauvais', departementCode: '60', regionCode: '32', postalCodes: ['60000'] });
    expect(findCommune('55500')).toMatchObject({ name: 'Spincourt', departementCode: '55', regionCode: '44' });
    expect(findCommune('55545')).toMatchObject({ name: 'Verdun', departementCode: '55' });
    expect(findCommune('2A004')).toMatchObject({ name: 'Ajaccio', departementCode: '2A', regionCode: '94' });
  });

  it('knows no commune for a code that names none in force (a former commune, a made-up code)', () => {
    expect(findCommune('60384')).toBeUndefined(); // merged into Beauvais
    expect(findCommune('80999')).toBeUndefined();
    expect(findCommune('beauvais')).toBeUndefined();
  });

  it('says whether a commune lies in a département: Beauvais is in the Oise, not the Somme', () => {
    expect(communeLiesIn('60057', '60')).toBe(true);
    expect(communeLiesIn('60057', '80')).toBe(false);
    expect(communeLiesIn('55029', '55')).toBe(true);
    expect(communeLiesIn('80999', '80')).toBe(false);
  });
});
