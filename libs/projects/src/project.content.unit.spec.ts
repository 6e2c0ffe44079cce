import { v1ProjectDecider } from './project.fixture.js';
import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '#testing';
import type { ProjectCommand } from './project.commands.js';
import { CODES, PID, T0, commandFor, completeDossier, ctx, declare, historyTo, otherHolder, owner, play } from './project.fixture.js';
import { streamIdOf } from './project.state.js';

const spec = deciderSpecification(v1ProjectDecider);
const SHA = 'a'.repeat(64);
const edit = (changes: Record<string, unknown>, who = owner): ProjectCommand => ({
  type: 'edit_content',
  projectId: PID,
  ctx: ctx(who),
  changes,
});
const declareWith = (patch: Record<string, unknown>, program: 'education' | 'health' = 'education') =>
  ({ ...declare(program), ...patch }) as ProjectCommand;

describe('project content', () => {
  it('streams are named project-<id>', () => {
    expect(streamIdOf('p-1')).toBe('project-p-1');
  });

  describe('declaration rules', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a title too short', { title: 'ab' }, 'title'],
      ['a title too long', { title: 'x'.repeat(201) }, 'title'],
      ['an id unfit for a stream name', { projectId: 'a b' }, 'projectId'],
      ['an unknown program', { program: 'culture' }, 'program'],
      ['a school without a valid UAI', { holder: { organisationId: '0000000Z', name: 'École' } }, 'holder.organisationId'],
      ['an unknown région', { territory: { region: '99', departement: CODES.departement, academie: CODES.academie } }, 'territory.region'],
      [
        'a département outside the région',
        { territory: { region: CODES.otherRegion, departement: CODES.departement, academie: CODES.academie } },
        'territory.departement',
      ],
      [
        'a commune outside the département',
        { territory: { region: CODES.region, departement: CODES.departement, academie: CODES.academie, communeCode: '75056' } },
        'territory.communeCode',
      ],
      ['no académie for education', { territory: { region: CODES.region, departement: CODES.departement } }, 'territory.academie'],
      [
        'an académie that does not contain the département',
        { territory: { region: CODES.region, departement: CODES.departement, academie: CODES.otherAcademie } },
        'territory.academie',
      ],
      ['a partner of unknown kind', { partners: [{ name: 'X', kind: 'club' }] }, 'partners[0].kind'],
    ];
    it.each(cases)('refuses %s: invalid, naming the field', (_what, patch, field) => {
      spec.given([]).when(declareWith(patch)).thenThrows('PROJECT_INVALID_FIELD', { field });
    });

    it('refuses a health body without a valid FINESS number', () => {
      spec
        .given([])
        .when(declareWith({ holder: { organisationId: CODES.uai, name: 'MSP' } }, 'health'))
        .thenThrows('PROJECT_INVALID_FIELD', { field: 'holder.organisationId' });
    });
  });

  describe('edits', () => {
    it('are events, recorded with who and when', () => {
      spec
        .given(historyTo('education', 'drafting'))
        .when(edit({ title: '  Nouveau titre ', attachments: [{ name: 'devis.pdf', sizeBytes: 1024, sha256: SHA }] }))
        .then([
          {
            type: 'project.content_edited',
            data: {
              changes: { title: 'Nouveau titre', attachments: [{ name: 'devis.pdf', sizeBytes: 1024, sha256: SHA }] },
              by: owner.id,
              at: T0.toISOString(),
            },
          },
        ]);
    });

    it('apply to the state', () => {
      const { state } = play([
        declare('education'),
        commandFor('education', 'start_drafting'),
        completeDossier(),
        edit({ description: 'Plus précis' }),
      ]);
      expect(state).toMatchObject({
        content: { description: 'Plus précis', requestedAmountCents: 1_250_000, title: 'Un jardin pédagogique' },
      });
    });

    it('are allowed while drafting or completing, nowhere else', () => {
      spec
        .given(historyTo('education', 'completion_requested'))
        .when(edit({ description: 'Complément' }))
        .then((events) => expect(events).toHaveLength(1));
      for (const state of ['intention', 'submitted', 'under_analysis', 'validated', 'withdrawn']) {
        spec
          .given(historyTo('education', state))
          .when(edit({ description: 'x' }))
          .thenThrows('PROJECT_NOT_EDITABLE', { state });
      }
    });

    it('are the holder’s, on their own project only', () => {
      spec
        .given(historyTo('education', 'drafting'))
        .when(edit({ description: 'x' }, otherHolder))
        .thenThrows('PROJECT_NOT_OWNER');
    });

    const bad: [string, Record<string, unknown>, string][] = [
      ['a float amount', { requestedAmountCents: 10.5 }, 'requestedAmountCents'],
      ['a negative amount', { requestedAmountCents: -1 }, 'requestedAmountCents'],
      ['an amount beyond safe integers', { requestedAmountCents: 2 ** 53 }, 'requestedAmountCents'],
      ['a budget line in euros', { budgetLines: [{ label: 'x', amountCents: '12.50' }] }, 'budgetLines[0].amountCents'],
      ['a budget line without label', { budgetLines: [{ label: '', amountCents: 1 }] }, 'budgetLines[0].label'],
      ['an uppercase sha-256', { attachments: [{ name: 'a.pdf', sizeBytes: 1, sha256: 'A'.repeat(64) }] }, 'attachments[0].sha256'],
      ['a short sha-256', { attachments: [{ name: 'a.pdf', sizeBytes: 1, sha256: 'ab' }] }, 'attachments[0].sha256'],
      ['a negative size', { attachments: [{ name: 'a.pdf', sizeBytes: -1, sha256: SHA }] }, 'attachments[0].sizeBytes'],
      ['a field that is not editable', { territory: {} }, 'changes.territory'],
      ['no change at all', {}, 'changes'],
    ];
    it.each(bad)('refuse %s: invalid, naming the field and the rule', (_what, changes, field) => {
      spec.given(historyTo('education', 'drafting')).when(edit(changes)).thenThrows('PROJECT_INVALID_FIELD', { field });
    });
  });
});
