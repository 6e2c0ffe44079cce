import { type ApiHarness, startApi } from '../support/api-harness.js';
import { SCHOOL_UAI } from '../support/demo-fixtures.js';
import { type Actors, actors, envelopeCommand, key, openNancyMetz } from './funding-flow.js';

/** The Commune de Bar-le-Duc (SIRET 215 500 299 00015) pays for its school, as a school has no legal personality. */
export const COMMUNE_SIRET = '21550029900015';
const IBAN = 'FR7630006000011234567890189';

/** Registers the commune with its bank details and makes it the school's paying body (once per harness; a retry is fine). */
export async function communePaysForSchool(api: ApiHarness, a: Actors): Promise<void> {
  const commune = { kind: 'collectivite', identifier: { scheme: 'siret', value: COMMUNE_SIRET }, name: 'Commune de Bar-le-Duc' };
  const registered = await api.request('POST', '/organisations', {
    token: a.admin,
    body: { ...commune, communeCode: '55029', departementCode: '55' },
  });
  if (registered.status !== 201 && registered.body.code !== 'ORGANISATION_EXISTS') {
    throw new Error(`commune: ${registered.status} ${JSON.stringify(registered.body)}`);
  }
  const own = await api.request('PUT', `/organisations/${COMMUNE_SIRET}/payee`, {
    token: a.admin,
    body: { kind: 'self', siret: COMMUNE_SIRET, iban: IBAN },
  });
  if (own.status !== 200) throw new Error(`commune payee: ${own.status} ${JSON.stringify(own.body)}`);
  const school = {
    kind: 'ecole',
    identifier: { scheme: 'uai', value: SCHOOL_UAI },
    name: 'École de Bar-le-Duc',
    communeCode: '55029',
    departementCode: '55',
  };
  // The school is registered by its first project's declaration; before any, its head registers it (and becomes its member).
  if ((await api.request('GET', `/organisations/${SCHOOL_UAI}`, { token: a.holder })).status === 404) {
    const registeredSchool = await api.request('POST', '/organisations', { token: a.holder, body: school });
    if (registeredSchool.status !== 201) throw new Error(`school: ${registeredSchool.status} ${JSON.stringify(registeredSchool.body)}`);
  }
  const paid = await api.request('PUT', `/organisations/${SCHOOL_UAI}/payee`, {
    token: a.holder,
    body: { kind: 'paying_organisation', organisationId: COMMUNE_SIRET },
  });
  if (paid.status !== 200) throw new Error(`school payee: ${paid.status} ${JSON.stringify(paid.body)}`);
}

/** Finance drafts the act (the proposed envelope unless one is named), the recteur signs it. Returns the act. */
export async function signedAwardAct(api: ApiHarness, a: Actors, projectId: string, draft: Record<string, unknown> = {}) {
  const drafted = await api.request('POST', `/projects/${projectId}/award-act`, { token: a.finance, body: draft });
  if (drafted.status !== 201) throw new Error(`draft: ${drafted.status} ${JSON.stringify(drafted.body)}`);
  const signed = await api.request('POST', `/projects/${projectId}/award-act/sign`, { token: a.eduDecider, body: {} });
  if (signed.status !== 200) throw new Error(`sign: ${signed.status} ${JSON.stringify(signed.body)}`);
  return signed.body as { actId: string; envelopeId: string; amountCents: number; status: string };
}

let ej = 0;
/** An EJ number as Chorus gives them (10 digits), distinct in a run. */
export const ejNumber = () => `21${String(process.pid % 1000).padStart(3, '0')}${String(++ej).padStart(5, '0')}`;

/** Finance records the EJ of the project's signed act on the envelope. */
export function commitAct(api: ApiHarness, token: string, envelopeId: string, projectId: string, body: Record<string, unknown> = {}) {
  return envelopeCommand(api, token, `/envelopes/${envelopeId}/commit`, { projectId, ejNumber: ejNumber(), ...body }, key('commit'));
}

let orders = 0;
/**
 * One instalment through the chain, by two people: finance certifies service fait on its evidence and orders the payment,
 * the public accountant pays the order. Returns the three answers (the pay's last).
 */
export async function payInstalment(
  api: ApiHarness,
  a: Actors,
  envelopeId: string,
  commitmentRef: string,
  instalment: number,
  amount: string,
) {
  const path = (op: string) => `/envelopes/${envelopeId}/${op}`;
  const orderRef = `DP-${process.pid}-${++orders}`;
  const certified = await envelopeCommand(api, a.finance, path('service-done'), {
    commitmentRef,
    instalment,
    amount,
    reference: 'PV de service fait',
  });
  const ordered = await envelopeCommand(api, a.finance, path('order-payment'), { commitmentRef, instalment, amount, orderRef });
  const paid = await envelopeCommand(api, a.accountant, path('pay'), { commitmentRef, orderRef });
  for (const [what, r] of [
    ['service-done', certified],
    ['order-payment', ordered],
    ['pay', paid],
  ] as const) {
    if (r.status !== 200) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { certified, ordered, paid, orderRef };
}

/**
 * An API whose académie de Nancy-Metz has its FIP 2023 (€4.85M AE, €2.425M CP: its share of the ~€150M notified to
 * académies in 2023) and whose school is paid through its commune: where a school's grant can be acted, committed, paid.
 */
export async function fundedNancyMetz(): Promise<{ api: ApiHarness; a: Actors }> {
  const api = await startApi();
  const a = await actors(api);
  await openNancyMetz(api, a, '4850000.00', '2425000.00');
  await communePaysForSchool(api, a);
  return { api, a };
}
