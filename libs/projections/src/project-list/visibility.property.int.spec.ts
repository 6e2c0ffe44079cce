import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { RecordedEvent } from '#event-store';
import type { Actor } from '#kernel';
import { type IntentionDeclaredData, canReadProject } from '#projects';
import { projectListProjection } from './project-list.projection.js';
import { ProjectListQueries } from './project-list.queries.js';

// A small pool of real codes, so that generated actors and projects often share (and often miss) a territory.
const REGIONS = ['44', '32', '11'];
const ACADEMIES = ['12', '09', '01'];
const DEPARTEMENTS = ['55', '59', '75'];
const CTS = ['CTS-44-55', 'CTS-32-80'];
const HOLDERS = ['holder-a', 'holder-b', 'holder-c'];
/** Real UAIs of the Meuse (check letters right): the organisations holders act for. */
const SCHOOLS = ['0550001C', '0550008K', '0551234T'];

const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const codes = (pool: string[]) => optional(fc.subarray(pool));
const actorArb: fc.Arbitrary<Actor> = fc.record(
  {
    id: fc.constantFrom(...HOLDERS, 'val-1', 'fin-1'),
    organisations: optional(fc.subarray(SCHOOLS)),
    role: fc.constantFrom<Actor['role']>('holder', 'validator', 'finance', 'auditor', 'admin', 'system'),
    scope: fc.record(
      { regions: codes(REGIONS), academies: codes(ACADEMIES), departements: codes(DEPARTEMENTS), cts: codes(CTS) },
      {
        requiredKeys: [],
      },
    ),
  },
  { requiredKeys: ['id', 'role', 'scope'] },
);
const projectArb = fc.record({
  declarant: fc.constantFrom(...HOLDERS),
  holder: fc.constantFrom(...SCHOOLS),
  coHolders: fc.subarray(SCHOOLS),
  education: fc.boolean(),
  region: fc.constantFrom(...REGIONS),
  departement: fc.constantFrom(...DEPARTEMENTS),
  academie: fc.constantFrom(...ACADEMIES),
  cts: optional(fc.constantFrom(...CTS)),
});

type GeneratedProject = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

function declared(i: number, p: GeneratedProject): RecordedEvent {
  const territory = p.education
    ? { region: p.region, departement: p.departement, academie: p.academie }
    : { region: p.region, departement: p.departement, ...(p.cts ? { cts: p.cts } : {}) };
  const data: IntentionDeclaredData = {
    projectId: `p-${i}`,
    program: p.education ? 'education' : 'health',
    workflow: { id: 'cnr', version: 1 },
    state: 'intention',
    declarant: p.declarant,
    title: `Projet ${i}`,
    description: '',
    territory,
    holder: { organisationId: p.holder, name: 'École' },
    coHolders: p.coHolders.filter((o) => o !== p.holder).map((organisationId) => ({ organisationId, name: 'École associée' })),
    partners: [],
    at: '2023-09-01T08:00:00.000Z',
  };
  return {
    id: `e-${i}`,
    streamId: `project-p-${i}`,
    revision: 0n,
    position: BigInt(i + 1),
    type: 'project.intention_declared',
    schemaVersion: 1,
    data,
    metadata: {},
    recordedAt: new Date('2023-09-01T08:00:00.000Z'),
  };
}

describe('the project list’s SQL visibility clause agrees with the project policy', () => {
  it('on generated actors and projects: SQL canSee, search and canReadProject give the same answer', () => {
    fc.assert(
      fc.property(
        fc.array(projectArb, { minLength: 1, maxLength: 12 }),
        fc.array(actorArb, { minLength: 1, maxLength: 6 }),
        (projects, actors) => {
          const db = new Database(':memory:');
          projectListProjection.setup(db, '');
          const events = projects.map((p, i) => declared(i, p));
          for (const e of events) projectListProjection.apply(db, e, '');
          projectListProjection.endBatch?.(db, '');
          const queries = new ProjectListQueries(db);
          for (const actor of actors) {
            const expected = events.filter((e) => {
              const d = e.data as IntentionDeclaredData;
              const holders = [d.holder, ...(d.coHolders ?? [])].map((h) => h.organisationId);
              return canReadProject(actor, { holders, territory: d.territory });
            });
            for (const e of events) {
              const d = e.data as IntentionDeclaredData;
              expect(queries.canSee(actor, d.projectId)).toBe(expected.includes(e));
            }
            const listed = queries
              .search(actor, { page: 1, pageSize: 200 })
              .items.map((p) => p.id)
              .sort();
            expect(listed).toEqual(expected.map((e) => (e.data as IntentionDeclaredData).projectId).sort());
          }
          db.close();
        },
      ),
      { numRuns: 200 },
    );
  });
});
