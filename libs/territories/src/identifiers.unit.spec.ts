import { describe, expect, it } from '@jest/globals';
import {
  communeDepartement,
  finessDepartement,
  isValidCommuneCode,
  isValidFiness,
  isValidSiren,
  isValidSiret,
  isValidUai,
  luhnValid,
  normalizeIdentifier,
  uaiDepartement,
} from './index.js';

describe('isValidUai', () => {
  it('accepts real UAIs, Corsican (620/720) and overseas ones included', () => {
    expect(isValidUai('0750654D')).toBe(true); // lycée Henri-IV, Paris: 750654 % 23 = 3 → D
    expect(isValidUai('0750655E')).toBe(true); // lycée Louis-le-Grand, Paris
    expect(isValidUai('0590119J')).toBe(true); // a lycée of Nord
    expect(isValidUai('6200001G')).toBe(true); // lycée Fesch, Ajaccio (Corse-du-Sud)
    expect(isValidUai('7200009X')).toBe(true); // lycée Giocante de Casabianca, Bastia (Haute-Corse)
    expect(isValidUai('9710002A')).toBe(true); // Guadeloupe
  });

  it('rejects a wrong check letter, a letter outside the alphabet, a bad length or an unknown prefix', () => {
    expect(isValidUai('0750654E')).toBe(false);
    expect(isValidUai('0750654I')).toBe(false);
    expect(isValidUai('075065D')).toBe(false);
    expect(isValidUai('07506540D')).toBe(false);
    expect(isValidUai('0200001T')).toBe(false); // 200001 % 23 = 17 → T, but '020' is no département since 1976
    expect(isValidUai('0960001E')).toBe(false); // 960001 % 23 = 4 → E, but '096' is no département
    expect(isValidUai('0750654d')).toBe(false); // canonical form only…
    expect(isValidUai(normalizeIdentifier(' 0750654d '))).toBe(true); // …after normalization
  });

  it('gives the département of a UAI', () => {
    expect(uaiDepartement('0750654D')).toBe('75');
    expect(uaiDepartement('0550008K')).toBe('55');
    expect(uaiDepartement('6200001G')).toBe('2A');
    expect(uaiDepartement('7200009X')).toBe('2B');
    expect(uaiDepartement('9740001H')).toBe('974');
    expect(uaiDepartement('0200001T')).toBeUndefined();
  });
});

describe('isValidFiness', () => {
  it('accepts real FINESS numbers (Luhn over the 9 digits)', () => {
    expect(isValidFiness('010000016')).toBe(true); // FINESS open data sample (Ain)
    expect(isValidFiness('010780195')).toBe(true); // clinique Convert, Bourg-en-Bresse
    expect(isValidFiness('590780193')).toBe(true); // CHU de Lille
    expect(isValidFiness('630781110')).toBe(true); // CLCC Jean Perrin, Clermont-Ferrand
    expect(isValidFiness('970211207')).toBe(true); // CHU de Martinique
    expect(isValidFiness('970302022')).toBe(true); // CH de Cayenne
    expect(isValidFiness('980500003')).toBe(true); // CH de Mayotte
  });

  it('checks Corsican numbers with 2A → 21 and 2B → 22 (documented assumption)', () => {
    expect(isValidFiness('2A0000014')).toBe(true);
    expect(isValidFiness('2B0000020')).toBe(true);
    expect(isValidFiness('2A0000015')).toBe(false);
    expect(isValidFiness('2C0000014')).toBe(false);
  });

  it('rejects a wrong key, a bad length or an unknown département prefix', () => {
    expect(isValidFiness('010000017')).toBe(false);
    expect(isValidFiness('01000001')).toBe(false);
    expect(isValidFiness('0100000160')).toBe(false);
    expect(luhnValid('200000008')).toBe(true);
    expect(isValidFiness('200000008')).toBe(false); // Luhn-valid, but '20' is no département
    expect(luhnValid('990000002')).toBe(true);
    expect(isValidFiness('990000002')).toBe(false);
  });

  it('gives the département of a FINESS number', () => {
    expect(finessDepartement('590780193')).toBe('59');
    expect(finessDepartement('2B0000020')).toBe('2B');
    expect(finessDepartement('970211207')).toBe('972');
    expect(finessDepartement('980500003')).toBe('976');
    expect(finessDepartement('990000002')).toBeUndefined();
  });
});

describe('isValidCommuneCode', () => {
  it('accepts INSEE commune codes, Corsican and overseas ones included', () => {
    for (const code of ['55029', '75056', '59350', '2A004', '2B033', '97411', '97611', '97502']) {
      expect(isValidCommuneCode(code)).toBe(true);
    }
  });

  it('rejects codes of no département, a zero commune number or a bad form', () => {
    for (const code of ['20004', '96001', '00001', '55000', '97400', '97901', '98735', '2C004', '5502', '550290', '2a004']) {
      expect(isValidCommuneCode(code)).toBe(false);
    }
  });

  it('gives the département of a commune', () => {
    expect(communeDepartement('55029')).toBe('55'); // Bar-le-Duc
    expect(communeDepartement('2A004')).toBe('2A'); // Ajaccio
    expect(communeDepartement('97411')).toBe('974'); // Saint-Denis (La Réunion)
    expect(communeDepartement('97502')).toBeUndefined(); // Saint-Pierre-et-Miquelon is no département
    expect(communeDepartement('20004')).toBeUndefined();
  });
});

describe('isValidSiren / isValidSiret', () => {
  it('accept real SIREN and SIRET numbers (Luhn)', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('260104633')).toBe(true);
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('77220148900022')).toBe(true); // clinique Convert, from the FINESS open data
  });

  it('reject a wrong check digit or a bad length', () => {
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
  });

  it('apply La Poste’s exception: digit sum a multiple of 5', () => {
    expect(luhnValid('35600000012346')).toBe(false);
    expect(isValidSiret('35600000012346')).toBe(true); // 3+5+6+1+2+3+4+6 = 30
    expect(isValidSiret('35600000012347')).toBe(false);
    expect(isValidSiret('35600000000048')).toBe(true); // La Poste head office, Luhn-valid too
  });
});
