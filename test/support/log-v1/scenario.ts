// The v1 log scenario: every event type and every transition of both programs, through the HTTP API
// of the code as it was before the architecture redesign (see test/fixtures/log-v1/README.md).
import type { ApiHarness } from '../api-harness.js';

export const DAY = 86_400_000;
type Body = Record<string, unknown>;
let keys = 0;

export async function scenarioActors(api: ApiHarness) {
  const t = (role: 'holder' | 'validator' | 'finance' | 'auditor' | 'admin', sub: string, scope = {}) => api.token({ role, sub, scope });
  return {
    holderBarLeDuc: await t('holder', 'holder-ecole-bar-le-duc'),
    holderLille: await t('holder', 'holder-lycee-lille'),
    holderMsp: await t('holder', 'holder-msp-barrois'),
    holderSomme: await t('holder', 'holder-cpts-somme'),
    validatorNancyMetz: await t('validator', 'val-nancy-metz', { academies: ['12'] }),
    validatorLille: await t('validator', 'val-lille', { academies: ['09'] }),
    validatorGrandEst: await t('validator', 'val-ars-grand-est', { regions: ['44'] }),
    validatorHdf: await t('validator', 'val-ars-hdf', { regions: ['32'] }),
    financeNational: await t('finance', 'finance-dgesco'),
    financeNancyMetz: await t('finance', 'finance-nancy-metz', { academies: ['12'] }),
    financeLille: await t('finance', 'finance-lille', { academies: ['09'] }),
    financeGrandEst: await t('finance', 'finance-ars-grand-est', { regions: ['44'] }),
    financeHdf: await t('finance', 'finance-ars-hdf', { regions: ['32'] }),
    admin: await t('admin', 'admin-national'),
    auditor: await t('auditor', 'auditor-cour-des-comptes'),
  };
}
export type ScenarioActors = Awaited<ReturnType<typeof scenarioActors>>;

async function expectStatus(res: Promise<{ status: number; body: any }>, status: number, what: string) {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

export const envelope = (api: ApiHarness, token: string, path: string, body: Body, status = 200) =>
  expectStatus(api.request('POST', path, { token, body, headers: { 'idempotency-key': `log-v1-${++keys}` } }), status, `POST ${path}`);

export const step = (api: ApiHarness, token: string, id: string, command: string, body: Body = {}) =>
  expectStatus(api.request('POST', `/projects/${id}/${command}`, { token, body }), 200, `${command} ${id}`);

export const edit = (api: ApiHarness, token: string, id: string, body: Body) =>
  expectStatus(api.request('PATCH', `/projects/${id}`, { token, body }), 200, `edit ${id}`);

const MEUSE_EDU = { region: '44', departement: '55', communeCode: '55029', academie: '12' };
const NORD_EDU = { region: '32', departement: '59', communeCode: '59350', academie: '09' };
const MEUSE_HEALTH = { region: '44', departement: '55', communeCode: '55545', cts: 'CTS-44-55' };
const SOMME_HEALTH = { region: '32', departement: '80', communeCode: '80021', cts: 'CTS-32-80' };

export const PROGRAMS = {
  education: (title: string, territory: Body, holder: Body) => ({
    program: 'education',
    title,
    territory,
    holder,
    description: 'Concertation « Notre école, faisons-la ensemble » : élèves, familles, équipe pédagogique et commune.',
    partners: [{ name: 'Commune partenaire', kind: 'collectivite' }],
  }),
  health: (title: string, territory: Body, holder: Body) => ({
    program: 'health',
    title,
    territory,
    holder,
    description: 'CNR santé : action issue des dialogues territoriaux, portée avec ses partenaires locaux.',
    partners: [{ name: 'CPAM de la Meuse', kind: 'etablissement' }],
  }),
};

export const HOLDERS = {
  barLeDuc: { territory: MEUSE_EDU, holder: { organisationId: '0550001C', name: 'École de Bar-le-Duc' } },
  lille: { territory: NORD_EDU, holder: { organisationId: '0590001F', name: 'Lycée de Lille' } },
  msp: { territory: MEUSE_HEALTH, holder: { organisationId: '550000012', name: 'MSP de Verdun' } },
  somme: { territory: SOMME_HEALTH, holder: { organisationId: '800000010', name: 'CPTS Amiens Métropole' } },
};

export async function declare(api: ApiHarness, token: string, program: 'education' | 'health', title: string, who: keyof typeof HOLDERS) {
  const { territory, holder } = HOLDERS[who];
  const res = await expectStatus(
    api.request('POST', '/projects', { token, body: PROGRAMS[program](title, territory, holder) }),
    201,
    `declare ${title}`,
  );
  return res.body.projectId as string;
}

export const dossier = (requestedCents: number) => ({
  requestedAmountCents: requestedCents,
  budgetLines: [
    { label: 'Matériel et fournitures', amountCents: Math.ceil(requestedCents / 2) },
    { label: 'Interventions extérieures', amountCents: Math.ceil(requestedCents / 2) },
  ],
  attachments: [{ name: 'budget-previsionnel.pdf', sizeBytes: 48_213, sha256: 'a'.repeat(64) }],
});

/** Polls until `done` holds on the project's funding view (the funding process runs after the command). */
export async function fundingReaches(api: ApiHarness, token: string, id: string, done: (body: any) => boolean) {
  for (let i = 0; i < 500; i++) {
    const res = await api.request('GET', `/projects/${id}/funding`, { token });
    if (res.status === 200 && done(res.body)) return res.body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`funding of ${id} did not reach the expected state`);
}
