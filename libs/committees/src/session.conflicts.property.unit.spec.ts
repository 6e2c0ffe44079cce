import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '#kernel';
import { COMMUNE_SIRET, SCHOOL, SID, T0, ctx, link, project, scheduled, secretariat } from './committee.fixture.js';
import { conflictingLinks } from './conflicts.js';
import type { InterestLink } from './interest.events.js';
import type { SessionCommand } from './session.commands.js';
import { sessionDecider } from './session.decider.js';
import type { SessionEvent } from './session.events.js';
import type { QuorumRule, SessionState, VoteChoice } from './session.state.js';

/** Persons, bodies (two UAI, a commune's SIRET and another establishment of it, a FINESS) and projects drawing parties from them. */
const PERSONS = ['m1', 'm2', 'm3', 'm4'];
const BODIES = [SCHOOL, '0550008S', COMMUNE_SIRET, '21550029900023', '550000012'];
const PROJECTS = ['p1', 'p2', 'p3'];

type Step =
  | { op: 'seat'; person: number }
  | { op: 'declare'; person: number; body: number }
  | { op: 'add'; project: number }
  | { op: 'vote'; person: number; project: number; choice: VoteChoice }
  | { op: 'propose'; project: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('seat' as const), person: fc.nat(3) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('declare' as const), person: fc.nat(3), body: fc.nat(4) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('add' as const), project: fc.nat(2) }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('vote' as const),
      person: fc.nat(3),
      project: fc.nat(2),
      choice: fc.constantFrom<VoteChoice>('favourable', 'unfavourable', 'abstain'),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('propose' as const), project: fc.nat(2) }), weight: 2 },
);
/** Each project's parties: a holder and partners among the bodies. */
const partiesArb = fc.tuple(...PROJECTS.map(() => fc.record({ holder: fc.nat(4), partners: fc.uniqueArray(fc.nat(4), { maxLength: 2 }) })));
const quorumArb = fc.oneof(
  fc.record({ kind: fc.constant('share_of_seated' as const), percent: fc.integer({ min: 1, max: 75 }) }),
  fc.record({ kind: fc.constant('minimum_voting' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

interface World {
  log: SessionEvent[];
  state: SessionState;
  /** The links in force, as an interests stream would give them to the handler. */
  links: Record<string, InterestLink[]>;
  /** Every step's outcome, for the properties to check. */
  outcomes: { step: Step; events: SessionEvent[]; error?: DomainError; linksThen: Record<string, InterestLink[]> }[];
}

function run(steps: Step[], parties: { holder: number; partners: number[] }[], quorum: QuorumRule): World {
  const world: World = { log: [scheduled(quorum)], state: sessionDecider.initialState(), links: {}, outcomes: [] };
  world.state = sessionDecider.evolve(world.state, world.log[0]!);
  for (const p of PERSONS) world.links[p] = [];
  const partiesOf = (i: number) => ({
    holder: BODIES[parties[i]!.holder]!,
    coHolders: [],
    partners: parties[i]!.partners.map((b) => BODIES[b]!),
  });
  for (const s of steps) {
    const interests = structuredClone(world.links);
    const base = { sessionId: SID, interests };
    let command: SessionCommand | undefined;
    if (s.op === 'declare') {
      const body = BODIES[s.body]!;
      if (!world.links[PERSONS[s.person]!]!.some((l) => l.organisationId === body)) world.links[PERSONS[s.person]!]!.push(link(body));
    } else if (s.op === 'seat')
      command = { ...base, type: 'SeatMember', personId: PERSONS[s.person]!, capacity: 'ien', ctx: ctx(secretariat) };
    else if (s.op === 'add') {
      command = {
        ...base,
        type: 'AddToAgenda',
        project: project({ projectId: PROJECTS[s.project]!, parties: partiesOf(s.project) }),
        ctx: ctx(secretariat),
      };
    } else if (s.op === 'vote') {
      const voter = { id: PERSONS[s.person]!, role: 'holder' as const, scope: {} };
      command = { ...base, type: 'CastVote', projectId: PROJECTS[s.project]!, vote: s.choice, ctx: ctx(voter, T0) };
    } else {
      command = {
        ...base,
        type: 'RecordProposal',
        projectId: PROJECTS[s.project]!,
        outcome: 'unfavourable',
        reason: 'Motif',
        ctx: ctx(secretariat),
      };
    }
    if (!command) continue;
    try {
      const events = sessionDecider.decide(command, world.state);
      world.log.push(...events);
      world.state = events.reduce(sessionDecider.evolve, world.state);
      world.outcomes.push({ step: s, events, linksThen: interests });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      world.outcomes.push({ step: s, events: [], error, linksThen: interests });
    }
  }
  return world;
}

const prop = (check: (w: World, parties: { holder: number; partners: number[] }[]) => void) =>
  fc.assert(
    fc.property(fc.array(step, { minLength: 15, maxLength: 50 }), partiesArb, quorumArb, (steps, parties, quorum) =>
      check(run(steps, parties, quorum), parties),
    ),
    { numRuns: 300 },
  );
const partiesOfIndex = (parties: { holder: number; partners: number[] }[], projectId: string) => {
  const p = parties[PROJECTS.indexOf(projectId)]!;
  return { holder: BODIES[p.holder]!, coHolders: [], partners: p.partners.map((b) => BODIES[b]!) };
};

describe('committee session: the conflict-of-interest rule, whatever the order of seating, declaring and adding', () => {
  it('a member linked to a party of an item never has a vote recorded on it: CONFLICT_OF_INTEREST, nothing written', () => {
    prop((w, parties) => {
      for (const o of w.outcomes.filter((x) => x.step.op === 'vote')) {
        const s = o.step as Extract<Step, { op: 'vote' }>;
        const linked = conflictingLinks(o.linksThen[PERSONS[s.person]!]!, partiesOfIndex(parties, PROJECTS[s.project]!)).length > 0;
        if (linked) expect(o.events).toEqual([]);
        if (linked && o.error?.category === 'conflict' && o.error.code !== 'COMMITTEE_PROPOSAL_ALREADY_RECORDED') {
          expect(o.error.code).toBe('CONFLICT_OF_INTEREST');
        }
      }
      w.log.forEach((e, at) => {
        if (e.type !== 'committee.vote_cast') return;
        const abstainedAt = firstAbstention(w.log, e.data.personId, e.data.projectId);
        expect(abstainedAt === -1 || abstainedAt > at).toBe(true);
      });
    });
  });

  it('a member linked before both their seating and the item’s adding has their abstention recorded on it', () => {
    prop((w, parties) => {
      if (!w.state.scheduled) return;
      for (const m of w.state.members) {
        for (const item of w.state.items) {
          const seatedAt = w.outcomes.findIndex((o) =>
            o.events.some((e) => e.type === 'committee.member_seated' && e.data.personId === m.personId),
          );
          const addedAt = w.outcomes.findIndex((o) =>
            o.events.some((e) => e.type === 'committee.item_added' && e.data.projectId === item.projectId),
          );
          const linksThen = w.outcomes[Math.max(seatedAt, addedAt)]!.linksThen[m.personId]!;
          if (conflictingLinks(linksThen, partiesOfIndex(parties, item.projectId)).length === 0) continue;
          expect(item.abstentions.map((a) => a.personId)).toContain(m.personId);
        }
      }
    });
  });

  it('a seated member never linked to the item’s parties always has their first vote on an open item recorded', () => {
    prop((w, parties) => {
      let state: SessionState = sessionDecider.evolve(sessionDecider.initialState(), w.log[0]!);
      for (const o of w.outcomes) {
        if (o.step.op === 'vote' && state.scheduled) {
          const personId = PERSONS[o.step.person]!;
          const item = state.items.find((i) => i.projectId === PROJECTS[(o.step as { project: number }).project]);
          const open = item && !item.proposal && !item.votes.some((v) => v.personId === personId);
          const seatedNow = state.members.some((m) => m.personId === personId);
          const unlinked = conflictingLinks(o.linksThen[personId]!, partiesOfIndex(parties, PROJECTS[o.step.project]!)).length === 0;
          if (open && seatedNow && unlinked && !item.abstentions.some((a) => a.personId === personId)) {
            expect(o.events.map((e) => e.type)).toEqual(['committee.vote_cast']);
          }
        }
        state = o.events.reduce(sessionDecider.evolve, state);
      }
    });
  });

  it('the quorum never counts an abstention, own or for a conflict: a proposal is recorded exactly when enough members voted', () => {
    prop((w) => {
      let state: SessionState = sessionDecider.evolve(sessionDecider.initialState(), w.log[0]!);
      for (const o of w.outcomes) {
        if (o.step.op === 'propose' && state.scheduled) {
          const item = state.items.find((i) => i.projectId === PROJECTS[(o.step as { project: number }).project]);
          if (item && !item.proposal) {
            const conflicted = (personId: string) =>
              item.abstentions.some((a) => a.personId === personId) || conflictingLinks(o.linksThen[personId]!, item.parties).length > 0;
            const voting = item.votes.filter((v) => v.vote !== 'abstain' && !conflicted(v.personId)).length;
            const q = state.quorum;
            const required = Math.max(1, q.kind === 'minimum_voting' ? q.count : Math.ceil((state.members.length * q.percent) / 100));
            if (voting >= required)
              expect(o.events.at(-1)).toMatchObject({ type: 'committee.proposal_recorded', data: { tally: { required } } });
            else expect({ code: o.error?.code, events: o.events }).toEqual({ code: 'QUORUM_NOT_MET', events: [] });
          }
        }
        state = o.events.reduce(sessionDecider.evolve, state);
      }
    });
  });
});

function firstAbstention(log: SessionEvent[], personId: string, projectId: string): number {
  return log.findIndex((e) => e.type === 'committee.abstention_recorded' && e.data.personId === personId && e.data.projectId === projectId);
}
