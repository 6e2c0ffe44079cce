import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { SCHOOL_UAI } from '../support/demo-fixtures.js';
import { type Actors, actors, declare, dossier, edit, ok } from '../lifecycle/lifecycle-flow.js';

/** The commission départementale of Meuse (55, académie de Nancy-Metz 12) examines the Bar-le-Duc school's project. */
const SESSION = { kind: 'commission_departementale', program: 'education', territory: '55', date: '2023-09-14' };
const MEMBERS = [
  { personId: 'ien-bar-le-duc', capacity: 'ien' },
  { personId: 'parents-fcpe-55', capacity: 'representant_parents' },
  { personId: 'directrice-0550001C', capacity: 'chef_etablissement' },
];
const [IEN, PARENTS, HEAD] = MEMBERS.map((m) => m.personId) as [string, string, string];

describe('a committee session: members, a conflict of interest, votes, the quorum, the proposal, minutes, close', () => {
  let api: ApiHarness;
  let a: Actors;
  let member: Record<string, string>;
  let projectId: string;
  const post = (path: string, token: string, body?: unknown, headers?: Record<string, string>) =>
    api.request('POST', path, { token, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
  const must = async (path: string, token: string, body?: unknown) => {
    const res = await post(path, token, body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** A session of the Meuse commission with the three members seated. */
  async function sessionWithMembers(quorum?: unknown): Promise<string> {
    const { sessionId } = await must('/committee-sessions', a.eduValidator, { ...SESSION, ...(quorum ? { quorum } : {}) });
    for (const m of MEMBERS) await must(`/committee-sessions/${sessionId}/members`, a.eduValidator, m);
    return sessionId as string;
  }

  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    member = {
      [IEN]: await api.token({ role: 'validator', sub: IEN, scope: { departements: ['55'] } }),
      [PARENTS]: await api.token({ role: 'holder', sub: PARENTS }),
      [HEAD]: await api.token({ role: 'holder', sub: HEAD }),
    };
    projectId = await declare(api, a.holder, 'education');
    await ok(api, a.holder, projectId, 'start_drafting');
    await edit(api, a.holder, projectId, dossier());
    await ok(api, a.holder, projectId, 'submit');
    await ok(api, a.eduValidator, projectId, 'start_analysis');
    // Workflow v2: a dossier goes on an agenda once its analysis is closed.
    await ok(api, a.eduValidator, projectId, 'complete_analysis', { reason: 'Instruction close : dossier complet' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('the linked member abstains and cannot vote (409, nothing written); the others vote; proposal, minutes, close', async () => {
    const sessionId = await sessionWithMembers();
    // The head teacher, seated already, declares her link to the school holding the project.
    const declared = await post(`/interest-declarations/${HEAD}/links`, member[HEAD]!, { organisationId: '0550 001c', nature: 'employee' });
    expect(declared.status).toBe(201);
    expect(declared.body.events).toEqual(['interest.link_declared']);

    const added = await must(`/committee-sessions/${sessionId}/agenda`, a.eduValidator, { projectId });
    expect(added.events).toEqual(['committee.item_added', 'committee.abstention_recorded']);
    const session = await api.request('GET', `/committee-sessions/${sessionId}`, { token: a.eduValidator });
    expect(session.body.items[0].abstentions).toEqual([
      { personId: HEAD, link: { organisationId: SCHOOL_UAI, nature: 'employee' }, party: 'holder', partyOrganisationId: SCHOOL_UAI },
    ]);

    const before = await api.headPosition();
    const conflicted = await post(`/committee-sessions/${sessionId}/items/${projectId}/votes`, member[HEAD]!, { vote: 'favourable' });
    expect(conflicted.status).toBe(409);
    expect(conflicted.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST', link: { organisationId: SCHOOL_UAI, nature: 'employee' } });
    expect(await api.headPosition()).toBe(before);

    const vote = (who: string, choice: string, key?: string) =>
      post(
        `/committee-sessions/${sessionId}/items/${projectId}/votes`,
        member[who]!,
        { vote: choice },
        key ? { 'idempotency-key': key } : undefined,
      );
    expect((await vote(IEN, 'favourable', 'vote-ien-1')).body.events).toEqual(['committee.vote_cast']);
    expect((await vote(IEN, 'favourable', 'vote-ien-1')).body).toMatchObject({ replayed: true });
    expect((await vote(PARENTS, 'favourable')).status).toBe(200);

    const proposal = { outcome: 'favourable', proposedAmountCents: 1_000_000, reason: 'Projet co-construit avec les familles' };
    expect((await must(`/committee-sessions/${sessionId}/items/${projectId}/proposal`, a.eduValidator, proposal)).events).toEqual([
      'committee.proposal_recorded',
    ]);
    await must(`/committee-sessions/${sessionId}/minutes`, a.eduValidator, { reference: 'PV-DSDEN55-2023-09-14' });
    expect((await must(`/committee-sessions/${sessionId}/close`, a.eduValidator)).events).toEqual(['committee.session_closed']);

    const read = await api.request('GET', `/committee-sessions/${sessionId}`, { token: member[PARENTS]! });
    expect(read.body).toMatchObject({ closed: true, minutes: { reference: 'PV-DSDEN55-2023-09-14' }, members: MEMBERS });
    expect(read.body.items[0]).toMatchObject({
      votes: [
        { personId: IEN, vote: 'favourable' },
        { personId: PARENTS, vote: 'favourable' },
      ],
      proposal: { ...proposal, tally: { favourable: 2, unfavourable: 0, abstain: 0, conflicted: 1, required: 2 } },
    });

    const closedHead = await api.headPosition();
    const changes = [
      await post(`/committee-sessions/${sessionId}/members`, a.eduValidator, { personId: 'elu-55', capacity: 'representant_collectivite' }),
      await post(`/committee-sessions/${sessionId}/agenda`, a.eduValidator, { projectId }),
      await post(`/committee-sessions/${sessionId}/minutes`, a.eduValidator, { text: 'Rectificatif' }),
      await post(`/committee-sessions/${sessionId}/close`, a.eduValidator),
    ];
    expect(changes.map((r) => [r.status, r.body.code])).toEqual(Array(4).fill([409, 'COMMITTEE_SESSION_CLOSED']));
    expect(await api.headPosition()).toBe(closedHead);
  });

  it('quorum of 3 voting, two votes and a conflicted abstention: the proposal is refused 409 QUORUM_NOT_MET, nothing written', async () => {
    const sessionId = await sessionWithMembers({ kind: 'minimum_voting', count: 3 });
    expect((await must(`/committee-sessions/${sessionId}/agenda`, a.eduValidator, { projectId })).events).toContain(
      'committee.abstention_recorded',
    );
    for (const who of [IEN, PARENTS])
      await must(`/committee-sessions/${sessionId}/items/${projectId}/votes`, member[who]!, { vote: 'favourable' });
    const before = await api.headPosition();
    const refused = await post(`/committee-sessions/${sessionId}/items/${projectId}/proposal`, a.eduValidator, {
      outcome: 'favourable',
      proposedAmountCents: 1_000_000,
      reason: 'Avis favorable',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'QUORUM_NOT_MET', voting: 2, required: 3 });
    expect(await api.headPosition()).toBe(before);
    // Postponed, the item lets the session close with its minutes.
    await must(`/committee-sessions/${sessionId}/items/${projectId}/postpone`, a.eduValidator, { reason: 'Quorum non atteint' });
    await must(`/committee-sessions/${sessionId}/minutes`, a.eduValidator, { text: 'Examen reporté faute de quorum.' });
    expect((await post(`/committee-sessions/${sessionId}/close`, a.eduValidator)).status).toBe(200);
  });

  it('bad input is a 400 naming the field and the rule; refusals by role or territory are 403; nothing is written', async () => {
    const sessionId = await sessionWithMembers();
    await must(`/committee-sessions/${sessionId}/agenda`, a.eduValidator, { projectId });
    const before = await api.headPosition();
    const bad = [
      [await post('/committee-sessions', a.eduValidator, { ...SESSION, kind: 'conseil' }), 'kind'],
      [await post('/committee-sessions', a.eduValidator, { ...SESSION, territory: '99' }), 'territory'],
      [await post(`/committee-sessions/${sessionId}/members`, a.eduValidator, { personId: 'x', capacity: 'maire' }), 'capacity'],
      [await post(`/committee-sessions/${sessionId}/agenda`, a.eduValidator, { projectId: 'p-1' }), 'projectId'],
      [await post(`/committee-sessions/${sessionId}/items/${projectId}/votes`, member[IEN]!, { vote: 'oui' }), 'vote'],
      [
        await post(`/interest-declarations/${HEAD}/links`, member[HEAD]!, { organisationId: '0550001D', nature: 'employee' }),
        'organisationId',
      ],
    ] as const;
    for (const [res, field] of bad) {
      expect({ field, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        field,
        status: 400,
        fields: [field],
      });
    }
    const forbidden = [
      await post('/committee-sessions', a.lilleValidator, SESSION),
      await post(`/committee-sessions/${sessionId}/members`, a.lilleValidator, {
        personId: 'elu-55',
        capacity: 'representant_collectivite',
      }),
      await post(`/interest-declarations/${HEAD}/links`, member[PARENTS]!, { organisationId: SCHOOL_UAI, nature: 'family' }),
    ];
    expect(forbidden.map((r) => [r.status, r.body.code])).toEqual([
      [403, 'COMMITTEE_FORBIDDEN'],
      [403, 'COMMITTEE_FORBIDDEN'],
      [403, 'INTEREST_FORBIDDEN'],
    ]);
    expect(await api.headPosition()).toBe(before);
  });

  it('a link declared after the item is on the agenda refuses the vote too; an unlinked member who is not seated cannot vote', async () => {
    const sessionId = await sessionWithMembers();
    await must(`/committee-sessions/${sessionId}/agenda`, a.eduValidator, { projectId });
    await must(`/interest-declarations/${PARENTS}/links`, member[PARENTS]!, { organisationId: SCHOOL_UAI, nature: 'family' });
    const before = await api.headPosition();
    const late = await post(`/committee-sessions/${sessionId}/items/${projectId}/votes`, member[PARENTS]!, { vote: 'unfavourable' });
    expect([late.status, late.body.code, late.body.party]).toEqual([409, 'CONFLICT_OF_INTEREST', 'holder']);
    const stranger = await post(`/committee-sessions/${sessionId}/items/${projectId}/votes`, a.holder, { vote: 'favourable' });
    expect([stranger.status, stranger.body.code]).toEqual([403, 'COMMITTEE_NOT_A_MEMBER']);
    expect(await api.headPosition()).toBe(before);
    const interests = await api.request('GET', `/interest-declarations/${PARENTS}`, { token: member[PARENTS]! });
    expect(interests.body.links).toEqual([{ organisationId: SCHOOL_UAI, nature: 'family', declaredOn: '2023-09-01' }]);
    await must(`/interest-declarations/${PARENTS}/links/withdraw`, member[PARENTS]!, { organisationId: SCHOOL_UAI, nature: 'family' });
    expect((await api.request('GET', `/interest-declarations/${PARENTS}`, { token: member[PARENTS]! })).body.links).toEqual([]);
    expect((await api.request('GET', `/interest-declarations/${PARENTS}`, { token: member[IEN]! })).status).toBe(403);
  });
});
