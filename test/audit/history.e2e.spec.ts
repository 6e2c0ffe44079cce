import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { fundingScenario, HDF, LILLE } from './support/funding.js';
import { WITHOUT_COMMITTEE, deciderClaims } from '../support/validated-project.js';
import { educationToValidation, type Step } from './support/projects.js';

describe('GET /projects/:id/history and GET /envelopes/:id/history', () => {
  let api: ApiHarness;
  let store: EventStore;
  let holder: string;
  let validator: string;
  let auditor: string;
  let projectId: string;
  let steps: Step[];
  beforeAll(async () => {
    api = await startApi();
    store = api.app.get<EventStore>(EVENT_STORE);
    holder = await api.token({ role: 'holder', sub: 'holder-meuse' });
    validator = await api.token({ role: 'validator', sub: 'validator-nancy', scope: { academies: ['12'] } });
    auditor = await api.token({ role: 'auditor', sub: 'auditor-ccomptes' });
    // Workflow v2: the instructeur closes the analysis, the recteur of Nancy-Metz signs the validation.
    const decider = await api.token(deciderClaims('education', '12'));
    ({ id: projectId, steps } = await educationToValidation(api, { holder, validator, decider }));
    await fundingScenario(store, projectId);
  });
  afterAll(async () => {
    await api.close();
  });

  it('a project: every event with who, role, territory, when, why, position, revision, hash and a French summary', async () => {
    const res = await api.request('GET', `/projects/${projectId}/history`, { token: auditor });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ projectId, streamId: `project-${projectId}`, nextFrom: null });
    // The project's own events; its money (the commitment on the Lille envelope and what followed) comes with them.
    const events = (res.body.events as any[]).filter((e) => e.streamId === undefined);
    expect(events.map((e) => e.position)).toEqual(steps.map((s) => s.position));
    expect(events.map((e) => e.revision)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    const recorded = await store.readStream(`project-${projectId}`);
    expect(events.map((e) => e.hash)).toEqual(recorded.map((e) => e.hash));
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash) && !Number.isNaN(Date.parse(e.when)))).toBe(true);
    expect(events[0]).toMatchObject({
      who: 'holder-meuse',
      role: 'holder',
      territory: {},
      why: null,
      summary: 'Intention déclarée par holder-meuse (porteur) : « Un jardin pédagogique partagé à Bar-le-Duc »',
    });
    expect(events[2]!.summary).toBe('Dossier modifié par holder-meuse (porteur) : montant demandé 12\u202f500,00\u00a0€, budget');
    expect(events[3]!.summary).toBe('Déposé par holder-meuse (porteur)');
    expect(events[5]).toMatchObject({
      type: 'project.analysis_completed',
      who: 'validator-nancy',
      role: 'validator',
      territory: { academies: ['12'] },
      why: 'Instruction close : dossier complet',
    });
    expect(events[5]!.summary).toMatch(/ par validator-nancy \(instructeur\) : motif Instruction close : dossier complet$/);
    expect(events[6]).toMatchObject({
      type: 'project.validated',
      who: 'recteur-12',
      role: 'decider',
      territory: { academies: ['12'] },
      why: 'Projet solide, partenaires engagés',
    });
    expect(events[6]!.summary).toMatch(
      /^Validé par recteur-12 \(.+\), 12\u202f500,00\u00a0€ accordés : motif Projet solide, partenaires engagés/,
    );
    // The decision as signed: by the recteur in own right, without a committee proposal.
    expect(recorded[6]!.data).toMatchObject({
      signature: { signatory: 'recteur-12', capacity: 'recteur', departureReason: WITHOUT_COMMITTEE },
    });
    expect((recorded[6]!.data as { signature: object }).signature).not.toHaveProperty('delegationId');
  });

  it('the money of the project, after its decision, in log order: people named by id when the directory has no name', async () => {
    const res = await api.request('GET', `/projects/${projectId}/history`, { token: auditor });
    const money = (res.body.events as any[]).slice(7);
    expect(money.map((e) => [e.streamId, e.type])).toEqual(
      [
        ...['envelope.committed', 'envelope.service_done', 'envelope.payment_ordered', 'envelope.paid'],
        ...['envelope.payment_ordered', 'envelope.paid', 'envelope.recovery_ordered', 'envelope.recovery_collected'],
      ].map((type) => [`envelope-${LILLE}`, type]),
    );
    const positions = (res.body.events as any[]).map((e) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect(money[0]).toMatchObject({ who: 'finance-lille', role: 'finance', why: 'Convention signée' });
    expect(money[0].summary).toBe(
      'Engagement de 12\u202f500,00\u00a0€ (EJ n° 21032023001) sur FIP academie-09 2023 au profit de Commune de Lille ' +
        '(SIRET 21590350100017), par finance-lille, gestionnaire financier : motif Convention signée',
    );
    expect(money[7].summary).toBe(
      'Titre de perception n° TP-2023-000118 recouvré : 500,00\u00a0€ encaissés (500,00\u00a0€ de CP rétablis), ' +
        'par comptable-lille, comptable public (EJ n° 21032023001)',
    );
    expect(money[3].summary).toBe(
      'Paiement de 10\u202f000,00\u00a0€ à Commune de Lille (SIRET 21590350100017) sur FIP academie-09 2023 ' +
        '(ordre DP-2023-0001, EJ n° 21032023001), par comptable-lille, comptable public',
    );
  });

  it('pages by revision', async () => {
    const first = await api.request('GET', `/projects/${projectId}/history?limit=2`, { token: holder });
    expect(first.body.events.map((e: any) => e.revision)).toEqual(['0', '1']);
    expect(first.body.nextFrom).toBe('2');
    const last = await api.request('GET', `/projects/${projectId}/history?from=4&limit=10`, { token: holder });
    expect(last.body.events.filter((e: any) => !e.streamId).map((e: any) => e.revision)).toEqual(['4', '5', '6']);
    // The money after the last revision comes on its page; none on the first.
    expect(last.body.events.filter((e: any) => e.streamId)).toHaveLength(8);
    expect(first.body.events.filter((e: any) => e.streamId)).toEqual([]);
    expect(last.body.nextFrom).toBeNull();
    expect((await api.request('GET', `/projects/${projectId}/history?limit=0`, { token: holder })).status).toBe(400);
  });

  it("an envelope: money events summarised in French with the envelope's name", async () => {
    const res = await api.request('GET', `/envelopes/${LILLE}/history`, { token: auditor });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ envelopeId: LILLE, name: 'FIP 2023 – Académie de Lille', streamId: `envelope-${LILLE}` });
    const summaries = res.body.events.map((e: any) => e.summary);
    expect(summaries).toContain('Engagement de 12\u202f500,00\u00a0€ sur FIP 2023 – Académie de Lille : motif Convention signée');
    expect(summaries).toContain(
      'Paiement de 10\u202f000,00\u00a0€ sur FIP 2023 – Académie de Lille (ordre DP-2023-0001, engagement EJ-2023-001)',
    );
    const commit = res.body.events.find((e: any) => e.type === 'envelope.committed');
    expect(commit).toMatchObject({ who: 'finance-lille', role: 'finance', territory: { academies: ['09'] }, why: 'Convention signée' });
    expect(commit.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('access: the same visibility as GET /projects/:id; the auditor and admin see all', () => {
    const status = async (path: string, claims: Parameters<ApiHarness['token']>[0]) =>
      (await api.request('GET', path, { token: await api.token(claims) })).status;

    it('project history', async () => {
      const path = `/projects/${projectId}/history`;
      expect(await status(path, { role: 'holder', sub: 'holder-meuse' })).toBe(200);
      expect(await status(path, { role: 'holder', sub: 'another-holder' })).toBe(403);
      expect(await status(path, { role: 'validator', scope: { academies: ['12'] } })).toBe(200);
      expect(await status(path, { role: 'validator', scope: { academies: ['09'] } })).toBe(403);
      expect(await status(path, { role: 'finance', scope: { regions: ['44'] } })).toBe(200);
      expect(await status(path, { role: 'finance', sub: 'finance-without-territory', scope: {} })).toBe(403);
      expect(await status(path, { role: 'auditor' })).toBe(200);
      expect(await status(path, { role: 'admin' })).toBe(200);
      // The same rule as the project itself.
      expect(await status(`/projects/${projectId}`, { role: 'validator', scope: { academies: ['09'] } })).toBe(403);
      expect(await status('/projects/6f1c2f8e-8a44-4a3b-9a51-1b2c3d4e5f60/history', { role: 'auditor' })).toBe(404);
      expect((await api.request('GET', path)).status).toBe(401);
    });

    it('envelope history', async () => {
      expect(await status(`/envelopes/${LILLE}/history`, { role: 'finance', scope: { academies: ['09'] } })).toBe(200);
      expect(await status(`/envelopes/${HDF}/history`, { role: 'finance', scope: { academies: ['09'] } })).toBe(403);
      expect(await status(`/envelopes/${HDF}/history`, { role: 'finance', scope: { regions: ['32'] } })).toBe(200);
      expect(await status(`/envelopes/${LILLE}/history`, { role: 'validator', scope: { academies: ['09'] } })).toBe(200);
      expect(await status(`/envelopes/${LILLE}/history`, { role: 'holder' })).toBe(403);
      expect(await status(`/envelopes/${HDF}/history`, { role: 'auditor' })).toBe(200);
      expect(await status(`/envelopes/${LILLE}/history`, { role: 'admin' })).toBe(200);
      expect(await status('/envelopes/fip-academie-10-2023/history', { role: 'auditor' })).toBe(404);
      expect(await status('/envelopes/not-an-envelope/history', { role: 'auditor' })).toBe(400);
    });

    it('exports: auditor and admin everything, finance its territory, others nothing', async () => {
      const csv = await api.request('GET', '/audit/ledger.csv', { token: auditor });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      // fetch's text() drops a BOM: read the bytes. French spreadsheets by default: ';', decimal comma, signed amounts.
      const raw = Buffer.from(
        await (await fetch(`${api.url}/audit/ledger.csv`, { headers: { authorization: `Bearer ${auditor}` } })).arrayBuffer(),
      );
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = raw.subarray(3).toString('utf8');
      expect(text.split('\r\n')[0]!.split(';').slice(0, 8)).toEqual([
        ...['Date', 'Fonds', 'Exercice', 'Enveloppe', 'Projet', 'Intitulé du projet', 'Bénéficiaire', 'SIRET du bénéficiaire'],
      ]);
      expect(text).toContain(`;${LILLE};`);
      expect(text).toContain(`;${HDF};`);
      // The project's title comes from the projects read model; the payee and the EJ from the commitment.
      const payeeAndAct = 'Commune de Lille;21590350100017;EJ-2023-001;21032023001;EJ-2023-001';
      expect(text).toContain(
        `;FIP;2023;${LILLE};${projectId};Un jardin pédagogique partagé à Bar-le-Duc;${payeeAndAct};engagement;-12500,00;0,00;`,
      );
      expect(text).toContain(';engagement;-12500,00;0,00;finance-lille;gestionnaire;Convention signée;');
      const international = String((await api.request('GET', '/audit/ledger.csv?format=international', { token: auditor })).body);
      expect(international).toContain(',engagement,-12500.00,0.00,finance-lille,gestionnaire,Convention signée,');
      const lille = String(
        (await api.request('GET', '/audit/ledger.csv', { token: await api.token({ role: 'finance', scope: { academies: ['09'] } }) })).body,
      );
      expect(lille).toContain(`;${LILLE};`);
      expect(lille).not.toContain(HDF);
      const xlsx = await fetch(`${api.url}/audit/ledger.xlsx`, {
        headers: { authorization: `Bearer ${await api.token({ role: 'finance', scope: { regions: ['32'] } })}` },
      });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await xlsx.arrayBuffer()) as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet('Grand livre')!;
      expect([sheet.rowCount, sheet.getCell('D2').value, sheet.getCell('L2').value, sheet.getCell('M2').value]).toEqual([
        2,
        HDF,
        'notification',
        2_600_000,
      ]);
      expect(sheet.getCell('A2').value).toBeInstanceOf(Date);
      const jsonl = await api.request('GET', '/audit/log.jsonl', { token: auditor });
      expect(jsonl.status).toBe(200);
      const lines = String(jsonl.body)
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(Number(await store.headPosition()));
      expect(await status('/audit/log.jsonl', { role: 'admin' })).toBe(200);
      expect(await status('/audit/log.jsonl', { role: 'finance', scope: { academies: ['09'] } })).toBe(403);
      for (const path of ['/audit/ledger.csv', '/audit/ledger.xlsx']) {
        expect(await status(path, { role: 'holder' })).toBe(403);
        expect(await status(path, { role: 'validator', scope: { academies: ['12'] } })).toBe(403);
        expect(await status(path, { role: 'admin' })).toBe(200);
      }
      const refused = await api.request('GET', '/audit/ledger.csv?format=tab', { token: auditor });
      expect([refused.status, refused.body.code, refused.body.errors]).toEqual([
        400,
        'VALIDATION_FAILED',
        [expect.objectContaining({ field: 'format' })],
      ]);
      // The parameter of the first ledger (',' or ';') points to `format`.
      const old = await api.request('GET', '/audit/ledger.csv?separator=%3B', { token: auditor });
      expect([old.status, old.body.errors]).toEqual([400, [expect.objectContaining({ field: 'separator' })]]);
    });
  });
});
