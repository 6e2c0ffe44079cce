import { describe, expect, it } from '@jest/globals';
import {
  academieOfDepartement,
  academiesOfRegion,
  departementsOfAcademie,
  departementsOfRegion,
  findAcademie,
  findDepartement,
  findHealthTerritory,
  findRegion,
  healthTerritoriesOfDepartement,
  healthTerritoriesOfRegion,
  regionOfDepartement,
  territoryLabel,
} from './index.js';

describe('look-ups', () => {
  it('find a région, a département, an académie and a health territory by code', () => {
    expect(findRegion('44')?.name).toBe('Grand Est');
    expect(findRegion('32')?.arsName).toBe('ARS Hauts-de-France');
    expect(findDepartement('55')?.name).toBe('Meuse');
    expect(findDepartement('976')?.name).toBe('Mayotte');
    expect(findAcademie('09')?.name).toBe('Lille');
    expect(findAcademie('70')?.name).toBe('Normandie');
    expect(findHealthTerritory('CTS-44-55')?.name).toBe('Meuse');
  });

  it('accept lower-case and padded codes, as envelope ids carry them', () => {
    expect(findDepartement(' 2a ')?.name).toBe('Corse-du-Sud');
    expect(findHealthTerritory('cts-32-59-2')?.name).toBe('Hainaut');
  });

  it('return undefined for unknown codes', () => {
    expect(findRegion('05')).toBeUndefined();
    expect(findDepartement('20')).toBeUndefined();
    expect(findDepartement('975')).toBeUndefined();
    expect(findDepartement('5')).toBeUndefined();
    expect(findAcademie('05')).toBeUndefined();
    expect(findAcademie('21')).toBeUndefined();
    expect(findHealthTerritory('CTS-44-59')).toBeUndefined();
    expect(regionOfDepartement('99')).toBeUndefined();
    expect(academieOfDepartement('99')).toBeUndefined();
    expect(departementsOfAcademie('99')).toEqual([]);
  });

  it('go from a département to its région and académie', () => {
    expect(regionOfDepartement('55')?.code).toBe('44');
    expect(academieOfDepartement('55')?.name).toBe('Nancy-Metz');
    expect(academieOfDepartement('02')?.name).toBe('Amiens');
    expect(academieOfDepartement('59')?.name).toBe('Lille');
    expect(academieOfDepartement('2B')?.name).toBe('Corse');
    expect(academieOfDepartement('93')?.name).toBe('Créteil');
    expect(academieOfDepartement('92')?.name).toBe('Versailles');
    expect(regionOfDepartement('974')?.name).toBe('La Réunion');
  });

  it('list the départements of an académie and of a région', () => {
    expect(departementsOfAcademie('12').map((d) => d.code)).toEqual(['54', '55', '57', '88']);
    expect(departementsOfAcademie('09').map((d) => d.name)).toEqual(['Nord', 'Pas-de-Calais']);
    expect(departementsOfRegion('94').map((d) => d.code)).toEqual(['2A', '2B']);
    expect(
      academiesOfRegion('32')
        .map((a) => a.name)
        .sort(),
    ).toEqual(['Amiens', 'Lille']);
  });

  it('list health territories by région and by département', () => {
    expect(healthTerritoriesOfRegion('44')).toHaveLength(10);
    expect(healthTerritoriesOfRegion('32')).toHaveLength(6);
    expect(healthTerritoriesOfRegion('11')).toEqual([]);
    expect(healthTerritoriesOfDepartement('59').map((t) => t.code)).toEqual(['CTS-32-59-1', 'CTS-32-59-2']);
    expect(healthTerritoriesOfDepartement('55').map((t) => t.code)).toEqual(['CTS-44-55']);
  });
});

describe('territoryLabel', () => {
  it('gives the French label of each kind of territory', () => {
    expect(territoryLabel('academie', '09')).toBe('Académie de Lille');
    expect(territoryLabel('academie', '20')).toBe("Académie d'Amiens");
    expect(territoryLabel('academie', '32')).toBe('Académie de la Guadeloupe');
    expect(territoryLabel('region', '44')).toBe('Région Grand Est');
    expect(territoryLabel('region', '11')).toBe('Région Île-de-France');
    expect(territoryLabel('ars', '44')).toBe('ARS Grand Est');
    expect(territoryLabel('departement', '55')).toBe('Meuse (55)');
    expect(territoryLabel('cts', 'CTS-44-55')).toBe('CTS Meuse');
    expect(territoryLabel('cts', 'CTS-32-59-1')).toBe('CTS Métropole-Flandres');
  });

  it('is undefined for an unknown code or kind', () => {
    expect(territoryLabel('academie', '05')).toBeUndefined();
    expect(territoryLabel('region', '55')).toBeUndefined();
    expect(territoryLabel('cts', 'CTS-11-75')).toBeUndefined();
    expect(territoryLabel('commune' as never, '55029')).toBeUndefined();
  });
});
