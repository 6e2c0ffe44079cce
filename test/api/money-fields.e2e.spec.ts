import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiHarness } from '../support/api-harness.js';
import { readAs } from '../support/log-v1/capture.js';
import { logV1Reads, serveLogV1Copy } from '../support/log-v1/serve-copy.js';
import { educationIntention } from '../support/demo-fixtures.js';
import { moneyFieldFaults } from '../support/money-fields.js';
import { declareAndValidate } from '../support/validated-project.js';
import { signAwardAct } from '../support/award-act.js';

/** Two health projects the commitments fund (real ones, validated for €40,000, each with its signed award act). */
const HEALTH_PROJECTS = {
  ':idf-project': {
    territory: { region: '11', departement: '75', communeCode: '75056' },
    holder: { organisationId: '750000010', name: 'Centre de santé parisien' },
  },
  ':occitanie-project': {
    territory: { region: '76', departement: '31', communeCode: '31555' },
    holder: { organisationId: '310000013', name: 'MSP toulousaine' },
  },
};

/** Every envelope operation once, on a FIR tree of its own: national → two ARS (allocation, transfer, split, the spending chain). */
const FLOW: [path: string, body: Record<string, unknown>][] = [
  [
    '/envelopes',
    {
      fund: 'fir',
      territoryCode: 'national',
      year: 2023,
      ceiling: '30000000.00',
      carryOver: { ae: { mode: 'all' }, cp: { mode: 'none' } },
    },
  ],
  ['/envelopes/fir-national-2023/notify', { ae: '3000000.00', cp: '3000000.00', reason: 'Réserve nationale CNR santé' }],
  ['/envelopes', { fund: 'fir', territoryCode: 'ars-11', year: 2023, parentId: 'fir-national-2023' }],
  ['/envelopes', { fund: 'fir', territoryCode: 'ars-76', year: 2023, parentId: 'fir-national-2023' }],
  ['/envelopes/fir-national-2023/allocate', { childId: 'fir-ars-11-2023', ae: '500000.00', cp: '400000.00' }],
  ['/envelopes/fir-ars-11-2023/transfer', { toId: 'fir-ars-76-2023', ae: '50000.00', cp: '0.00', reason: 'Redéploiement' }],
  ['/envelopes/fir-ars-11-2023/split', { split: { mode: 'soft', shares: { 'CTS-11-75': '200000.00', 'CTS-11-93': '250000.00' } } }],
  ['act', { projectId: ':idf-project', envelopeId: 'fir-ars-11-2023' }],
  ['/envelopes/fir-ars-11-2023/commit', { ejNumber: '2103001001', projectId: ':idf-project', amount: '12500.00', splitKey: 'CTS-11-75' }],
  ['/envelopes/fir-ars-11-2023/service-done', { commitmentRef: ':idf-act', instalment: 1, amount: '8000.00', reference: 'PV' }],
  ['/envelopes/fir-ars-11-2023/order-payment', { commitmentRef: ':idf-act', instalment: 1, amount: '8000.00', orderRef: 'DP-IDF-1' }],
  ['/envelopes/fir-ars-11-2023/pay', { commitmentRef: ':idf-act', orderRef: 'DP-IDF-1' }],
  ['/envelopes/fir-ars-11-2023/order-recovery', { commitmentRef: ':idf-act', titleRef: 'TR-1', amount: '500.00', reason: 'Trop-perçu' }],
  ['/envelopes/fir-ars-11-2023/collect-recovery', { commitmentRef: ':idf-act', titleRef: 'TR-1', amount: '200.00' }],
  ['/envelopes/fir-ars-11-2023/release', { commitmentRef: ':idf-act', reason: 'Action terminée' }],
  ['/envelopes/fir-national-2023/reduce', { ae: '1000.00', cp: '1000.00', reason: 'Mise en réserve' }],
  ['/envelopes/fir-ars-11-2023/order-payment', { commitmentRef: ':idf-act', instalment: 1, amount: '99999999.00', orderRef: 'DP-IDF-2' }],
  ['act', { projectId: ':occitanie-project', envelopeId: 'fir-ars-76-2023' }],
  ['/envelopes/fir-ars-76-2023/commit', { ejNumber: '2103001002', projectId: ':occitanie-project', amount: '40000.00' }],
  ['/envelopes/fir-ars-11-2023/notify', { ae: 5000, cp: '0.00' }],
  // The last exercise closes once nothing remains to pay or to collect: the rest of the titre collected, its amount released.
  ['/envelopes/fir-ars-11-2023/collect-recovery', { commitmentRef: ':idf-act', titleRef: 'TR-1', amount: '300.00' }],
  ['/envelopes/fir-ars-11-2023/release', { commitmentRef: ':idf-act', reason: 'Trop-perçu reversé' }],
  ['/envelopes/fir-ars-11-2023/close-year', { year: 2023 }],
];

describe('money on the wire: integers only under …Cents names, in every answer', () => {
  let api: ApiHarness;
  const answers: [what: string, body: unknown][] = [];
  beforeAll(async () => {
    ({ api } = await serveLogV1Copy());
    const admin = await api.token({ role: 'admin', sub: 'admin-national' });
    const accountant = await api.token({ role: 'accountant', sub: 'comptable-ars', scope: { regions: ['11', '76'] } });
    const projectIds = new Map<string, string>();
    const tokens = {
      holder: await api.token({ role: 'holder', sub: 'holder-health-money' }),
      validator: await api.token({ role: 'validator', sub: 'val-ars-money', scope: { regions: ['11', '76'] } }),
      // Workflow v2: a DG ARS signs the decisions of both régions.
      decider: await api.token({ role: 'decider', sub: 'dg-ars-money', scope: { regions: ['11', '76'] }, capacity: 'dg_ars' }),
    };
    for (const [placeholder, place] of Object.entries(HEALTH_PROJECTS)) {
      const intention = { program: 'health' as const, title: `Projet ${placeholder}`, description: 'CNR santé', ...place };
      const send = (method: 'POST' | 'PATCH', path: string, token: string, body: unknown) => api.request(method, path, { token, body });
      projectIds.set(
        placeholder,
        await declareAndValidate(send, tokens, { intention, requestedCents: 4_000_000, grantedCents: 4_000_000 }),
      );
    }
    for (const [i, [path, flowBody]] of FLOW.entries()) {
      const projectId = typeof flowBody['projectId'] === 'string' ? projectIds.get(flowBody['projectId']) : undefined;
      // The commitment's reference is its award act's id (one EJ per act), known once the project is.
      const act = flowBody['commitmentRef'] === ':idf-act' ? { commitmentRef: `AA-${projectIds.get(':idf-project')}-1` } : {};
      const body = projectId ? { ...flowBody, projectId } : { ...flowBody, ...act };
      if (path === 'act') {
        await signAwardAct(api, { ...tokens, finance: admin }, projectId!, { envelopeId: flowBody['envelopeId'] });
        continue;
      }
      // The public accountant pays and collects; finance (here an admin) does the rest.
      const token = path.endsWith('/pay') || path.endsWith('/collect-recovery') ? accountant : admin;
      const res = await api.request('POST', path, { token, body, headers: { 'idempotency-key': `money-fields-${i}` } });
      answers.push([`POST ${path} → ${res.status}`, res.body]);
    }
    const holder = await api.token({ role: 'holder', sub: 'holder-money-fields' });
    const declared = await api.request('POST', '/projects', { token: holder, body: educationIntention() });
    answers.push([`POST /projects → ${declared.status}`, declared.body]);
    for (const { path, as } of logV1Reads) {
      const read = await readAs(api, path, as);
      const jsonLines = path.startsWith('/audit/log.jsonl');
      const lines = jsonLines
        ? String(read.body)
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as unknown)
        : [read.body];
      for (const line of lines) answers.push([`GET ${path} → ${read.status}`, line]);
    }
    const reads = ['/envelopes/fir-ars-11-2023', '/envelopes/fir-national-2023', '/envelopes?fund=fir', '/dashboard/summary', '/health'];
    for (const path of reads) {
      const read = await readAs(api, path, 'auditor');
      answers.push([`GET ${path} → ${read.status}`, read.body]);
    }
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  it('ran every envelope operation, its refusals (409 with amounts, 400 on a number in a euro field), every read of the v1 log', () => {
    const statuses = answers.slice(0, FLOW.filter(([path]) => path !== 'act').length).map(([what]) => what.split(' → ')[1]);
    const ok = (n: number) => Array.from({ length: n }, () => '200');
    expect(statuses).toEqual(['201', '200', '201', '201', ...ok(11), '409', '200', '400', '200', '200', '200']);
    expect(answers.filter(([what]) => what.startsWith('GET')).length).toBeGreaterThan(logV1Reads.length + 100);
    expect(JSON.stringify(answers)).toContain('"availableCents"');
  });

  it('names every number holding money …Cents, and shows fr-FR euro text only under display', () => {
    const faults = answers.flatMap(([what, body]) => moneyFieldFaults(body).map((fault) => `${what}: ${fault}`));
    expect([...new Set(faults)]).toEqual([]);
  });
});
