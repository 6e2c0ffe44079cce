import { describe, expect, it } from '@jest/globals';
import type { Project } from '#projects';
import { conflictingLinks } from './conflicts.js';
import { partiesOfProject } from './project-parties.js';

const content = (coHolders?: Project['content']['coHolders']) =>
  ({
    holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc' },
    ...(coHolders ? { coHolders } : {}),
    partners: [
      { name: 'Commune de Bar-le-Duc', kind: 'collectivite', organisationId: '21550029900015' },
      { name: 'Une association sans SIRET', kind: 'association' },
    ],
  }) as Project['content'];

describe('the parties of a project, for the conflict rule', () => {
  it('are its holder, its co-holders and its partners that have an identifier', () => {
    const parties = partiesOfProject({ content: content([{ organisationId: '0550002D', name: 'École Jean Macé' }]) });
    expect(parties).toEqual({ holder: '0550001C', coHolders: ['0550002D'], partners: ['21550029900015'] });
  });

  it('a member linked to a co-holder school is in conflict on the shared project', () => {
    const link = { organisationId: '0550002D', nature: 'employee' as const, declaredOn: '2023-09-01' };
    const shared = partiesOfProject({ content: content([{ organisationId: '0550002D', name: 'École Jean Macé' }]) });
    expect(conflictingLinks([link], shared).map((c) => c.party)).toEqual(['co_holder']);
    expect(conflictingLinks([link], partiesOfProject({ content: content() }))).toEqual([]);
  });
});
