import type { TokenClaims } from '#auth';

type Call = (token: string, method: 'POST' | 'PATCH' | 'PUT', url: string, body: unknown, key?: string) => Promise<Record<string, string>>;
type TokenFor = (claims: TokenClaims & { capacity?: string }) => Promise<string>;

/** The Commune de Bar-le-Duc pays for its school (a school has no legal personality); an example IBAN for the demo. */
const COMMUNE = { siret: '21550029900015', name: 'Commune de Bar-le-Duc' };
const DEMO_IBAN = 'FR7630006000011234567890189';
/** The MSP du Barrois's SIRET: made up for the demo (valid key), like its FINESS. */
const MSP_SIRET = '55099990800019';

export interface FundedDemoProject {
  projectId: string;
  program: 'education' | 'health';
  holderOrganisationId: string;
  holderToken: string;
  deciderToken: string;
}

/**
 * The spending chain's first steps for the demo's validated projects, as the people do them: payee details in the
 * directory, finance drafts the award act on the proposed envelope, the authority signs (the MSP countersigns its
 * convention), finance records the EJ with a number marked fictitious (Refonda does not make up Chorus numbers).
 */
export async function loadDemoAwardActs(call: Call, tokenFor: TokenFor, admin: string, projects: FundedDemoProject[]): Promise<void> {
  const financeNm = await tokenFor({ sub: 'finance-demo-12', role: 'finance', scope: { academies: ['12'] }, name: 'Gestionnaire FIP' });
  const financeArs = await tokenFor({ sub: 'finance-demo-44', role: 'finance', scope: { regions: ['44'] }, name: 'Gestionnaire FIR' });
  const commune = {
    kind: 'collectivite',
    identifier: { scheme: 'siret', value: COMMUNE.siret },
    name: COMMUNE.name,
    communeCode: '55029',
    departementCode: '55',
  };
  await call(admin, 'POST', '/organisations', commune, 'demo-commune-bar-le-duc');
  await call(
    admin,
    'PUT',
    `/organisations/${COMMUNE.siret}/payee`,
    { kind: 'self', siret: COMMUNE.siret, iban: DEMO_IBAN },
    'demo-commune',
  );
  for (const [i, p] of projects.entries()) {
    const health = p.program === 'health';
    const finance = health ? financeArs : financeNm;
    const payee = health
      ? { kind: 'self', siret: MSP_SIRET, iban: DEMO_IBAN }
      : { kind: 'paying_organisation', organisationId: COMMUNE.siret };
    const act = `/projects/${p.projectId}/award-act`;
    await call(p.holderToken, 'PUT', `/organisations/${p.holderOrganisationId}/payee`, payee, `demo-payee-${i}`);
    await call(finance, 'POST', act, { reference: `DEMO-${String(i + 1).padStart(3, '0')} (fictif)` }, `demo-act-${i}`);
    const signed = await call(p.deciderToken, 'POST', `${act}/sign`, {}, `demo-sign-${i}`);
    if (signed['status'] === 'awaiting_countersignature')
      await call(p.holderToken, 'POST', `${act}/countersign`, {}, `demo-countersign-${i}`);
    const ej = { projectId: p.projectId, ejNumber: `DEMO-EJ-${i + 1}`, ejNumberFictitious: true };
    await call(finance, 'POST', `/envelopes/${signed['envelopeId']}/commit`, ej, `demo-ej-${i}`);
    if (!health) await payTheAdvance(call, tokenFor, finance, signed);
  }
}

/** The school's advance through the chain: finance certifies the start of the action and orders, the accountant pays. */
async function payTheAdvance(call: Call, tokenFor: TokenFor, finance: string, act: Record<string, string>): Promise<void> {
  const accountant = await tokenFor({ sub: 'comptable-nancy-metz', role: 'accountant', scope: { academies: ['12'] }, name: 'Comptable' });
  const advance = (act['schedule'] as unknown as { number: number; amount: string }[])[0]!;
  const envelope = `/envelopes/${act['envelopeId']}`;
  const line = { commitmentRef: act['actId'], instalment: advance.number, amount: advance.amount };
  await call(finance, 'POST', `${envelope}/service-done`, { ...line, reference: 'Démarrage de l’action constaté' }, 'demo-sf-1');
  await call(finance, 'POST', `${envelope}/order-payment`, { ...line, orderRef: 'DEMO-DP-1' }, 'demo-dp-1');
  await call(accountant, 'POST', `${envelope}/pay`, { commitmentRef: act['actId'], orderRef: 'DEMO-DP-1' }, 'demo-pay-1');
}
