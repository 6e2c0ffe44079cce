import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { COMMUNE_SIRET, SCHOOL, link } from './committee.fixture.js';
import { conflictingLinks, sameOrganisation } from './conflicts.js';

/** Two UAI, a FINESS, two establishments of one commune (one SIREN) and a SIRET of another legal person. */
const BODIES = [SCHOOL, '0550008S', '550000012', COMMUNE_SIRET, '21550029900023', '21590350100017'];
const LEGAL_PERSON = (id: string) => (id.length === 14 ? id.slice(0, 9) : id);

describe('conflictingLinks: the rule for committee members and deciders alike', () => {
  it('names each link touching the holder, a co-holder or a partner, with the party it touches', () => {
    const links = [link(' 0550 001c ', 'employee'), link('21550029900023'), link('0550008S', 'family')];
    expect(conflictingLinks(links, { holder: SCHOOL, coHolders: [], partners: [COMMUNE_SIRET] })).toEqual([
      { link: links[0], party: 'holder', organisationId: SCHOOL },
      { link: links[1], party: 'partner', organisationId: COMMUNE_SIRET },
    ]);
    expect(conflictingLinks(links, { holder: '550000012', coHolders: ['0550008S'], partners: [] })).toMatchObject([{ party: 'co_holder' }]);
    expect(conflictingLinks([], { holder: SCHOOL, coHolders: [], partners: [] })).toEqual([]);
  });

  it('is not fooled by another legal person: a SIRET of another SIREN, a UAI that shares digits', () => {
    expect(sameOrganisation(COMMUNE_SIRET, '21590350100017')).toBe(false);
    expect(sameOrganisation('0550001C', '05500010')).toBe(false);
  });

  it('property: a link conflicts exactly when it names the same legal person as one of the parties', () => {
    const body = fc.constantFrom(...BODIES);
    fc.assert(
      fc.property(
        fc.uniqueArray(body, { maxLength: 4 }),
        body,
        fc.array(body, { maxLength: 2 }),
        fc.array(body, { maxLength: 3 }),
        (linked, holder, coHolders, partners) => {
          const found = conflictingLinks(
            linked.map((id) => link(id)),
            { holder, coHolders, partners },
          );
          const parties = [holder, ...coHolders, ...partners].map(LEGAL_PERSON);
          for (const id of linked) {
            expect(found.some((c) => c.link.organisationId === id)).toBe(parties.includes(LEGAL_PERSON(id)));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
