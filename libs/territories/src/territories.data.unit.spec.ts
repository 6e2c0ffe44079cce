import { describe, expect, it } from '@jest/globals';
import { ACADEMIES, DEPARTEMENTS, HEALTH_TERRITORIES, REGIONS } from './index.js';

const codes = (items: readonly { code: string }[]): string[] => items.map((item) => item.code);
const unique = (values: readonly string[]): boolean => new Set(values).size === values.length;

describe('régions', () => {
  it('are the 18 régions, 13 metropolitan and 5 overseas, with unique INSEE codes', () => {
    expect(REGIONS).toHaveLength(18);
    expect(REGIONS.filter((r) => !r.overseas)).toHaveLength(13);
    expect(codes(REGIONS.filter((r) => r.overseas)).sort()).toEqual(['01', '02', '03', '04', '06']);
    expect(unique(codes(REGIONS))).toBe(true);
  });

  it('each have one ARS named after the région', () => {
    expect(unique(REGIONS.map((r) => r.arsName))).toBe(true);
    for (const region of REGIONS) expect(region.arsName.startsWith(`ARS ${region.name}`)).toBe(true);
  });
});

describe('départements', () => {
  it('are the 101 départements: 01…95 without 20, 2A, 2B, 971…974, 976', () => {
    expect(DEPARTEMENTS).toHaveLength(101);
    expect(unique(codes(DEPARTEMENTS))).toBe(true);
    const expected = [
      ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '20'),
      '2A',
      '2B',
      '971',
      '972',
      '973',
      '974',
      '976',
    ];
    expect(codes(DEPARTEMENTS).sort()).toEqual(expected.sort());
  });

  it('each belong to a known région and a known académie whose région académique is the département’s région', () => {
    const regionCodes = new Set(codes(REGIONS));
    for (const departement of DEPARTEMENTS) {
      expect(regionCodes.has(departement.regionCode)).toBe(true);
      const academie = ACADEMIES.find((a) => a.code === departement.academieCode);
      expect(academie?.regionCode).toBe(departement.regionCode);
    }
  });

  it('each appear in exactly one académie’s list, the one they name', () => {
    for (const departement of DEPARTEMENTS) {
      const holders = ACADEMIES.filter((a) => a.departements.includes(departement.code));
      expect(codes(holders)).toEqual([departement.academieCode]);
    }
    const listed = ACADEMIES.flatMap((a) => a.departements);
    expect(listed).toHaveLength(101);
  });

  it('every région has at least one département, and the overseas régions exactly one', () => {
    for (const region of REGIONS) {
      const count = DEPARTEMENTS.filter((d) => d.regionCode === region.code).length;
      if (region.overseas) expect(count).toBe(1);
      else expect(count).toBeGreaterThanOrEqual(2);
    }
    expect(DEPARTEMENTS.filter((d) => d.regionCode === '44')).toHaveLength(10);
    expect(DEPARTEMENTS.filter((d) => d.regionCode === '32')).toHaveLength(5);
  });
});

describe('académies', () => {
  it('are the 30 académies, with unique codes and names', () => {
    expect(ACADEMIES).toHaveLength(30);
    expect(unique(codes(ACADEMIES))).toBe(true);
    expect(unique(ACADEMIES.map((a) => a.name))).toBe(true);
    expect(codes(ACADEMIES)).toEqual(expect.arrayContaining(['01', '02', '09', '12', '20', '24', '25', '27', '43', '70']));
  });

  it('group into the 18 régions académiques', () => {
    expect(new Set(ACADEMIES.map((a) => a.regionCode))).toEqual(new Set(codes(REGIONS)));
    expect(
      ACADEMIES.filter((a) => a.regionCode === '11')
        .map((a) => a.name)
        .sort(),
    ).toEqual(['Créteil', 'Paris', 'Versailles']);
    expect(
      ACADEMIES.filter((a) => a.regionCode === '44')
        .map((a) => a.name)
        .sort(),
    ).toEqual(['Nancy-Metz', 'Reims', 'Strasbourg']);
  });

  it('have a label starting with "Académie d" and naming the académie', () => {
    for (const academie of ACADEMIES) {
      expect(academie.label).toMatch(/^Académie d/);
      expect(academie.label.endsWith(academie.name)).toBe(true);
    }
  });
});

describe('health territories', () => {
  it('are 10 in Grand Est, one per département', () => {
    const grandEst = HEALTH_TERRITORIES.filter((t) => t.regionCode === '44');
    expect(grandEst).toHaveLength(10);
    expect(grandEst.flatMap((t) => t.departements).sort()).toEqual(['08', '10', '51', '52', '54', '55', '57', '67', '68', '88']);
    expect(grandEst.every((t) => !t.partOfDepartement && t.code === `CTS-44-${t.departements[0]}`)).toBe(true);
  });

  it('are 6 in Hauts-de-France, Nord being split into Métropole-Flandres and Hainaut', () => {
    const hdf = HEALTH_TERRITORIES.filter((t) => t.regionCode === '32');
    expect(hdf.map((t) => t.name).sort()).toEqual(['Aisne', 'Hainaut', 'Métropole-Flandres', 'Oise', 'Pas-de-Calais', 'Somme']);
    const nord = hdf.filter((t) => t.departements.includes('59'));
    expect(nord.map((t) => t.name).sort()).toEqual(['Hainaut', 'Métropole-Flandres']);
    expect(nord.every((t) => t.partOfDepartement)).toBe(true);
  });

  it('have unique codes and only départements of their région', () => {
    expect(unique(codes(HEALTH_TERRITORIES))).toBe(true);
    for (const territory of HEALTH_TERRITORIES) {
      expect(territory.code).toMatch(/^CTS-\d{2}-[0-9AB]{2,3}(-\d)?$/);
      for (const code of territory.departements) {
        expect(DEPARTEMENTS.find((d) => d.code === code)?.regionCode).toBe(territory.regionCode);
      }
    }
  });
});
