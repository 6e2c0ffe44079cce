import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DomainError } from '#kernel';
import { ACT_KINDS, type ActKind } from './act-kinds.js';
import { CAPACITIES, DELEGATE_CAPACITIES, DELEGATE_RULES, type DelegateCapacity } from './capacities.js';
import type { DelegationTerritory } from './delegation.events.js';
import { type Delegation, evolveDelegation } from './delegation.state.js';
import { maySign, signingAuthority } from './signing-authority.js';
import type { SignedAct, Signer } from './signing.types.js';
import { delegation as baseDelegation } from '../test/delegation.fixtures.js';

/** The oracle's own map of the territories used (not the library's): Nancy-Metz 12, Strasbourg 15, Reims 19, Grand Est 44. */
const ACADEMIE_OF: Record<string, string> = { '08': '19', '54': '12', '55': '12', '57': '12', '67': '15', '88': '12' };
const HELD: Record<string, string[]> = {
  'academie:12': ['54', '55', '57', '88'],
  'academie:15': ['67', '68'],
  'region:44': ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'],
};
const DEPARTEMENTS = ['08', '54', '55', '57', '67', '88'];
const held = (t: DelegationTerritory) => HELD[`${t.kind}:${t.code}`] ?? (t.kind === 'departement' ? [t.code] : []);
const educationDelegate = (c: DelegateCapacity) => c === 'ia_dasen' || c === 'secretaire_general_academie';

/** Days from 2023-01-01, as ISO days. */
const dayOf = (n: number) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 900 });
const PEOPLE = ['p1', 'p2'];

const territory = fc.oneof(
  fc.constantFrom<DelegationTerritory>({ kind: 'academie', code: '12' }, { kind: 'academie', code: '15' }, { kind: 'region', code: '44' }),
  fc.constantFrom(...DEPARTEMENTS).map((code): DelegationTerritory => ({ kind: 'departement', code })),
);

const delegationArb = fc
  .record({
    id: fc.constantFrom('d-a', 'd-b', 'd-c', 'd-d'),
    person: fc.constantFrom(...PEOPLE),
    capacity: fc.constantFrom(...DELEGATE_CAPACITIES),
    territories: fc.uniqueArray(territory, { minLength: 1, maxLength: 3, selector: (t) => `${t.kind}:${t.code}` }),
    actKinds: fc.uniqueArray(fc.constantFrom(...ACT_KINDS), { minLength: 1, maxLength: 5 }),
    from: day,
    length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    revokedAfter: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  })
  .map((r): Delegation => {
    const validUntil = r.length === null ? null : dayOf(r.from + r.length);
    const revokedEnd = r.revokedAfter === null ? null : Math.min(r.from + r.revokedAfter, r.from + (r.length ?? Infinity));
    const of = DELEGATE_RULES[r.capacity].of;
    return baseDelegation({
      delegationId: r.id,
      authority: {
        personId: `${of}-x`,
        capacity: of,
        territory: of === 'recteur' ? { kind: 'academie', code: '12' } : { kind: 'region', code: '44' },
      },
      delegate: { personId: r.person, capacity: r.capacity },
      territories: r.territories,
      actKinds: r.actKinds,
      validFrom: dayOf(r.from),
      validUntil,
      revocation: revokedEnd === null ? null : { endsOn: dayOf(revokedEnd), reason: 'fin', by: { id: 'a', role: 'admin' }, at: 'x' },
    });
  });

const signerArb = fc.record({
  personId: fc.constantFrom(...PEOPLE),
  capacity: fc.constantFrom(...CAPACITIES),
  scope: fc.record({ academies: fc.subarray(['12', '15']), regions: fc.subarray(['44']) }),
}) as fc.Arbitrary<Signer>;

const actArb = fc.record({
  kind: fc.constantFrom(...ACT_KINDS),
  program: fc.constantFrom('education' as const, 'health' as const),
  departement: fc.constantFrom(...DEPARTEMENTS),
  on: day.map(dayOf),
}) as fc.Arbitrary<SignedAct>;

const delegationsArb = fc.array(delegationArb, { maxLength: 4 });

/** The rule, written out plainly: own right in the authority's territory, or a delegation covering kind, territory and day. */
function oracleGaps(d: Delegation, act: SignedAct): string[] {
  const program = educationDelegate(d.delegate.capacity) ? 'education' : 'health';
  const end = d.revocation?.endsOn ?? d.validUntil;
  return [
    ...(program === act.program && d.territories.some((t) => held(t).includes(act.departement)) ? [] : ['territory']),
    ...(d.actKinds.includes(act.kind as ActKind) ? [] : ['act_kind']),
    ...(d.validFrom <= act.on && (end === null || act.on <= end) ? [] : ['date']),
  ];
}
const theirs = (s: Signer, ds: readonly Delegation[]) =>
  ds.filter((d) => d.delegate.personId === s.personId && d.delegate.capacity === s.capacity);
function oracle(s: Signer, act: SignedAct, ds: readonly Delegation[]): boolean {
  const ownRight =
    (s.capacity === 'recteur' && act.program === 'education' && (s.scope.academies ?? []).includes(ACADEMIE_OF[act.departement] ?? '')) ||
    (s.capacity === 'dg_ars' &&
      act.program === 'health' &&
      (s.scope.regions ?? []).includes('44') &&
      HELD['region:44']!.includes(act.departement));
  return ownRight || theirs(s, ds).some((d) => oracleGaps(d, act).length === 0);
}

const outcome = (s: Signer, act: SignedAct, ds: readonly Delegation[]) => {
  try {
    return signingAuthority(s, act, ds);
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, details: error.details } : error;
  }
};

const PARAMS = { numRuns: 2000 };

describe('signingAuthority: properties', () => {
  it('accepted iff an authority signs in its territory, or a delegation of theirs covers kind ∧ territory ∧ day', () => {
    fc.assert(
      fc.property(signerArb, actArb, delegationsArb, (s, act, ds) => {
        expect(maySign(s, act, ds)).toBe(oracle(s, act, ds));
      }),
      PARAMS,
    );
  });

  it('a refusal under a single delegation names exactly what it lacks; with none, « delegation » (or territory, for an authority)', () => {
    fc.assert(
      fc.property(signerArb, actArb, delegationsArb, (s, act, ds) => {
        fc.pre(!oracle(s, act, ds));
        const refused = outcome(s, act, ds) as { code: string; details: { missing: string[] } };
        expect(refused.code).toBe('SIGNATURE_NOT_COVERED');
        const mine = theirs(s, ds);
        if (mine.length === 1) expect(refused.details.missing).toEqual(oracleGaps(mine[0]!, act));
        if (mine.length === 0)
          expect(refused.details.missing).toEqual([s.capacity === 'recteur' || s.capacity === 'dg_ars' ? 'territory' : 'delegation']);
      }),
      PARAMS,
    );
  });

  it('revoking never makes a refused act accepted; an act dated on or before the end is unaffected', () => {
    fc.assert(
      fc.property(signerArb, actArb, delegationsArb, fc.nat(), fc.integer({ min: 0, max: 900 }), (s, act, ds, pick, offset) => {
        fc.pre(ds.length > 0);
        const target = ds[pick % ds.length]!;
        const endsOn = dayOf(Math.min(900, offset));
        fc.pre(endsOn >= target.validFrom);
        const revoked = evolveDelegation(
          { delegation: target, unrecognisedEvents: [] },
          {
            type: 'delegation.revoked',
            data: { delegationId: target.delegationId, endsOn, reason: 'fin', by: { id: 'a', role: 'admin' }, at: 'x' },
          },
        ).delegation!;
        const after = ds.map((d) => (d === target ? revoked : d));
        if (!maySign(s, act, ds)) expect(maySign(s, act, after)).toBe(false);
        const previousEnd = target.revocation?.endsOn ?? target.validUntil;
        if (act.on <= endsOn && (previousEnd === null || endsOn <= previousEnd)) expect(maySign(s, act, after)).toBe(maySign(s, act, ds));
      }),
      PARAMS,
    );
  });

  it('narrowing a delegation (fewer kinds, fewer territories, shorter validity) never widens acceptance', () => {
    const narrowing = fc.record({
      kinds: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      places: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      later: fc.nat(300),
      earlier: fc.nat(300),
    });
    fc.assert(
      fc.property(signerArb, actArb, delegationsArb, fc.nat(), narrowing, (s, act, ds, pick, n) => {
        fc.pre(ds.length > 0);
        const target = ds[pick % ds.length]!;
        const from = new Date(`${target.validFrom}T00:00:00Z`).getTime() / 86_400_000 + n.later;
        const narrowed: Delegation = {
          ...target,
          actKinds: target.actKinds.filter((_, i) => n.kinds[i]),
          territories: target.territories.filter((_, i) => n.places[i]),
          validFrom: new Date(from * 86_400_000).toISOString().slice(0, 10),
          validUntil:
            target.validUntil === null
              ? null
              : dayOf(Math.max(0, (Date.parse(target.validUntil) - Date.UTC(2023, 0, 1)) / 86_400_000 - n.earlier)),
        };
        const after = ds.map((d) => (d === target ? narrowed : d));
        if (maySign(s, act, after)) expect(maySign(s, act, ds)).toBe(true);
      }),
      PARAMS,
    );
  });

  it('the answer does not depend on the order the delegations are given in', () => {
    fc.assert(
      fc.property(signerArb, actArb, delegationsArb, fc.nat(), (s, act, ds, seed) => {
        const shuffled = [...ds].sort((a, b) => ((ds.indexOf(a) * 7919 + seed) % 13) - ((ds.indexOf(b) * 7919 + seed) % 13));
        expect(outcome(s, act, shuffled)).toEqual(outcome(s, act, ds));
      }),
      PARAMS,
    );
  });
});
