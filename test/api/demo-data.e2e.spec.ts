import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { loadDemoData } from '../../apps/api/src/demo/demo-data.js';
import { MEUSE_PROJECTS } from '../../apps/api/src/demo/demo-meuse.data.js';
import { DEMO_PROJECTS } from '../../apps/api/src/demo/demo-scenario.js';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, startApi } from '../support/api-harness.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

/** Until every projection and process has reached the log's head (the funding process reacts to the seeds on its own). */
async function caughtUp(): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { details } = (await api.health()).body as { details: Record<string, { lag?: number }> };
    if (Object.values(details).every((p) => p.lag === undefined || p.lag === 0)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('seeds envelopes and projects in every state through the API, once; finance commits the scenario’s validated projects', async () => {
  await loadDemoData(api.app, pino({ level: 'silent' }));
  await caughtUp();
  const head = await api.headPosition();
  await loadDemoData(api.app, pino({ level: 'silent' }));
  expect(await api.headPosition()).toBe(head);
  const auditor = await api.token({ role: 'auditor' });
  const deadline = Date.now() + 10000;
  let statuses: string[] = [];
  while (Date.now() < deadline) {
    const list = await api.request('GET', `/projects?pageSize=50&minPosition=${head}`, { token: auditor });
    statuses = list.body.items.map((p: { status: string }) => p.status).sort();
    // The scenario's two validated projects have their signed act and EJ; the Meuse's two (MSP de Spincourt, the
    // Saint-Mihiel school) wait for finance to draft theirs.
    if (statuses.filter((s) => s === 'financing').length === 2) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(statuses).toHaveLength(DEMO_PROJECTS.length + MEUSE_PROJECTS.length);
  expect(new Set(statuses)).toEqual(
    new Set([
      'intention',
      'drafting',
      'submitted',
      'under_analysis',
      'completion_requested',
      'analysed',
      'rejected',
      'cts_review',
      'validated',
      'financing',
    ]),
  );
  expect(statuses.filter((s) => s === 'validated')).toHaveLength(2);
  // Workflow v2: the instructeurs close the analyses, the recteurs and the DG ARS sign the decisions in their own right.
  const events = await (api.app.get(EVENT_STORE) as EventStore).readAll({ fromPosition: 0n, maxCount: 100_000 });
  const decisions = events
    .filter((e) => ['project.validated', 'project.rejected'].includes(e.type))
    .filter((e) => !(e.data as { signature: { delegationId?: string } }).signature.delegationId)
    .map((e) => ({ type: e.type, ...(e.data as { signature: { signatory: string; capacity: string } }).signature }))
    .sort((x, y) => x.signatory.localeCompare(y.signatory));
  expect(decisions).toEqual([
    { type: 'project.validated', signatory: 'dg-ars-demo-44', capacity: 'dg_ars' },
    expect.objectContaining({ type: 'project.rejected', signatory: 'recteur-demo-09', capacity: 'recteur' }),
    expect.objectContaining({ type: 'project.validated', signatory: 'recteur-demo-12', capacity: 'recteur' }),
  ]);
  expect(events.filter((e) => e.type === 'project.analysis_completed')).toHaveLength(
    DEMO_PROJECTS.filter((p) => ['analysed', 'validated_edu', 'validated_health', 'rejected', 'cts_review'].includes(p.path)).length +
      MEUSE_PROJECTS.length,
  );
  const year = api.clock.now().getUTCFullYear();
  const ge = await api.request('GET', `/envelopes/fir-ars-44-${year}`, { token: auditor });
  // The scenario's health project, €45,000: a convention signed by the DG ARS and the MSP, its EJ number marked fictitious.
  expect(ge.body.ae).toMatchObject({ notifiedCents: 100_000_000, committedCents: 4_500_000 });
  const committed = events.filter((e) => e.type === 'envelope.committed').map((e) => e.data as Record<string, unknown>);
  expect(committed).toHaveLength(2);
  expect(committed.every((c) => c['ejNumberFictitious'] === true && String(c['ejNumber']).startsWith('DEMO-EJ-'))).toBe(true);
  const acts = events.filter((e) => e.type === 'award_act.drafted').map((e) => (e.data as { form: string }).form);
  expect(acts.sort()).toEqual(['arrete', 'convention']);
  expect(events.filter((e) => e.type === 'award_act.countersigned')).toHaveLength(1);
  // The school's advance went through the chain: certified and ordered by finance, paid by the accountant.
  const chain = events.filter((e) => ['envelope.service_done', 'envelope.payment_ordered', 'envelope.paid'].includes(e.type));
  expect(chain.map((e) => [e.type, e.metadata['role']])).toEqual([
    ['envelope.service_done', 'finance'],
    ['envelope.payment_ordered', 'finance'],
    ['envelope.paid', 'accountant'],
  ]);
});

it('seeds the Meuse of the documents: its holders and partners, a commission with a declared link, delegated signatures', async () => {
  const auditor = await api.token({ role: 'auditor' });
  const msp = await api.request('GET', '/organisations/550999908', { token: auditor });
  expect(msp.body).toMatchObject({
    kind: 'msp',
    name: 'Maison de santé pluriprofessionnelle de Spincourt',
    identifier: { scheme: 'finess', value: '550999908', fictitious: true },
    communeName: 'Spincourt',
  });
  const events = await (api.app.get(EVENT_STORE) as EventStore).readAll({ fromPosition: 0n, maxCount: 100_000 });
  const declared = events
    .filter((e) => e.type === 'project.intention_declared')
    .map((e) => e.data as { title: string; partners: unknown[] });
  expect(declared.find((d) => d.title.includes('PEPS'))?.partners).toEqual(
    expect.arrayContaining([
      { name: 'Centre de ressources autisme (CRA)', kind: 'etablissement' },
      { name: 'CPAM de la Meuse', kind: 'cpam' },
    ]),
  );
  expect(declared.find((d) => d.title === 'Dispositif ADO DYS')?.partners).toEqual(
    expect.arrayContaining([{ name: 'MDPH de la Meuse', kind: 'mdph' }]),
  );
  expect(events.filter((e) => e.type === 'committee.abstention_recorded')).toHaveLength(1);
  expect(events.filter((e) => e.type === 'committee.proposal_recorded')).toHaveLength(2);
  const delegated = events
    .filter((e) => ['project.validated', 'project.rejected'].includes(e.type))
    .map((e) => (e.data as { signature: { signatory: string; delegationId?: string; proposal?: { outcome: string } } }).signature)
    .filter((s) => s.delegationId)
    .map((s) => [s.signatory, s.proposal?.outcome ?? null])
    .sort();
  expect(delegated).toEqual([
    ['delegue-territorial-55', null],
    ['ia-dasen-55', 'favourable'],
    ['ia-dasen-55', 'unfavourable'],
  ]);
});
