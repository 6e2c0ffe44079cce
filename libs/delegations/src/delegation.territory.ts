import { departementsOfAcademie, departementsOfRegion, findAcademie, findDepartement, findRegion, territoryLabel } from '#territories';
import type { DelegationTerritory } from './delegation.events.js';

/** The territory with its official code as stored ('2a' → '2A'), or undefined when no such territory exists. */
export function knownTerritory(territory: DelegationTerritory): DelegationTerritory | undefined {
  const find = territory.kind === 'academie' ? findAcademie : territory.kind === 'region' ? findRegion : findDepartement;
  const found = find(String(territory.code ?? ''));
  return found && { kind: territory.kind, code: found.code };
}

/** The départements a territory holds: an académie's or a région's, or the département itself. */
export function departementsOf(territory: DelegationTerritory): string[] {
  switch (territory.kind) {
    case 'academie':
      return departementsOfAcademie(territory.code).map((d) => d.code);
    case 'region':
      return departementsOfRegion(territory.code).map((d) => d.code);
    case 'departement':
      return findDepartement(territory.code) ? [territory.code] : [];
  }
}

/** Whether `inner` lies wholly within `outer` (the Meuse within the académie de Nancy-Metz). */
export function liesWithin(inner: DelegationTerritory, outer: DelegationTerritory): boolean {
  const held = new Set(departementsOf(outer));
  const covered = departementsOf(inner);
  return covered.length > 0 && covered.every((d) => held.has(d));
}

export function coversDepartement(territory: DelegationTerritory, departementCode: string): boolean {
  return departementsOf(territory).includes(departementCode);
}

/** « l’académie de Nancy-Metz », « la région Grand Est », « le département Meuse (55) ». */
export function territoryPhrase(territory: DelegationTerritory): string {
  switch (territory.kind) {
    case 'academie':
      return `l’${(territoryLabel('academie', territory.code) ?? `académie ${territory.code}`).replace(/^Académie/, 'académie')}`;
    case 'region':
      return `la ${(territoryLabel('region', territory.code) ?? `Région ${territory.code}`).replace(/^Région/, 'région')}`;
    case 'departement':
      return `le département ${territoryLabel('departement', territory.code) ?? territory.code}`;
  }
}
