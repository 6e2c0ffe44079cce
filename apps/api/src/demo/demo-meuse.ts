import type { TokenClaims } from '#auth';
import { MEUSE_COMMISSION, MEUSE_DELEGATIONS, MEUSE_ORGANISATIONS, MEUSE_PROJECTS, type MeuseProject } from './demo-meuse.data.js';

type Call = (token: string, method: 'POST' | 'PATCH', url: string, body: unknown, key?: string) => Promise<Record<string, string>>;
type TokenFor = (claims: TokenClaims & { capacity?: string }) => Promise<string>;

/**
 * The Meuse as the documents tell it, through the API: the ARS Grand Est's CNR santé projects (MSP de Spincourt, MSP de
 * Verdun, SESSAD PEP 55) with their partners, a commission départementale examining two school projects, delegations of
 * signature, and decisions signed under them. Identifiers and act references the documents do not give are marked fictitious.
 */
export async function loadMeuseDemo(call: Call, tokenFor: TokenFor, year: number): Promise<void> {
  const people = {
    instructeurArs: await tokenFor({ sub: 'instructeur-ars-grand-est', role: 'validator', scope: { regions: ['44'] } }),
    instructeurDsden: await tokenFor({ sub: 'instructeur-dsden-55', role: 'validator', scope: { academies: ['12'] } }),
    recteur: await tokenFor({ sub: 'recteur-nancy-metz', role: 'decider', scope: { academies: ['12'] }, capacity: 'recteur' }),
    iaDasen: await tokenFor({ sub: 'ia-dasen-55', role: 'decider', scope: { departements: ['55'] }, capacity: 'ia_dasen' }),
    dgArs: await tokenFor({ sub: 'dg-ars-grand-est', role: 'decider', scope: { regions: ['44'] }, capacity: 'dg_ars' }),
    dtMeuse: await tokenFor({
      sub: 'delegue-territorial-55',
      role: 'decider',
      scope: { departements: ['55'] },
      capacity: 'delegue_territorial',
    }),
  };
  const holders = new Map<string, string>();
  for (const o of MEUSE_ORGANISATIONS) {
    const token = await tokenFor({ sub: o.member, role: 'holder', scope: {} });
    holders.set(o.identifier.value, token);
    await call(token, 'POST', '/organisations', o.registration, `demo-org-${o.identifier.value}`);
  }
  const [toDtMeuse, toIaDasen] = MEUSE_DELEGATIONS(year);
  await call(people.dgArs, 'POST', '/delegations', toDtMeuse, `demo-delegation-dt-55-${year}`);
  await call(people.recteur, 'POST', '/delegations', toIaDasen, `demo-delegation-dasen-55-${year}`);

  const ids = new Map<string, string>();
  for (const p of MEUSE_PROJECTS)
    ids.set(
      p.title,
      await analysed(p, call, holders.get(p.holderId)!, p.program === 'health' ? people.instructeurArs : people.instructeurDsden),
    );

  // Health: the CTS of the Meuse is heard on each project (Grand Est); the délégué territorial signs by delegation.
  for (const p of MEUSE_PROJECTS.filter((x) => x.program === 'health' && x.cts)) {
    const id = ids.get(p.title)!;
    await call(people.instructeurArs, 'POST', `/projects/${id}/refer_to_cts`, {});
    await call(people.instructeurArs, 'POST', `/projects/${id}/record_cts_opinion`, { favourable: true, reason: p.cts! });
    if (p.decision) await call(people.dtMeuse, 'POST', `/projects/${id}/validate`, p.decision);
  }

  // Education: the commission départementale examines the two school projects; the IA-DASEN signs what it proposed.
  const commission = MEUSE_COMMISSION(year);
  const { sessionId } = await call(
    people.instructeurDsden,
    'POST',
    '/committee-sessions',
    commission.session,
    `demo-commission-55-${year}`,
  );
  const members = await Promise.all(commission.members.map((m) => tokenFor({ sub: m.personId, role: m.role, scope: m.scope })));
  for (const m of commission.members) await call(people.instructeurDsden, 'POST', `/committee-sessions/${sessionId}/members`, m.seat);
  const linked = commission.members.findIndex((m) => m.link);
  if (linked >= 0) {
    const m = commission.members[linked]!;
    await call(members[linked]!, 'POST', `/interest-declarations/${m.personId}/links`, m.link);
  }
  for (const p of MEUSE_PROJECTS.filter((x) => x.proposal)) {
    const id = ids.get(p.title)!;
    await call(people.instructeurDsden, 'POST', `/committee-sessions/${sessionId}/agenda`, { projectId: id });
    for (const [i, token] of members.entries()) {
      if (i !== linked) await call(token, 'POST', `/committee-sessions/${sessionId}/items/${id}/votes`, { vote: p.proposal!.vote });
    }
    await call(people.instructeurDsden, 'POST', `/committee-sessions/${sessionId}/items/${id}/proposal`, p.proposal!.body);
  }
  await call(people.instructeurDsden, 'POST', `/committee-sessions/${sessionId}/minutes`, { reference: commission.minutes });
  await call(people.instructeurDsden, 'POST', `/committee-sessions/${sessionId}/close`, {});
  for (const p of MEUSE_PROJECTS.filter((x) => x.proposal && x.decision)) {
    const id = ids.get(p.title)!;
    await call(people.iaDasen, 'POST', `/projects/${id}/${p.proposal!.decision}`, { ...p.decision, sessionId });
  }
}

/** Declared, drafted, deposited and instructed: the dossier awaits its examination and decision. */
async function analysed(p: MeuseProject, call: Call, holder: string, instructeur: string): Promise<string> {
  const { projectId } = await call(holder, 'POST', '/projects', p.intention);
  const id = projectId!;
  await call(holder, 'POST', `/projects/${id}/start_drafting`, {});
  const budgetLines = [{ label: 'Temps de coordination et intervenants', amountCents: p.requestedCents }];
  await call(holder, 'PATCH', `/projects/${id}`, { requestedAmountCents: p.requestedCents, budgetLines });
  await call(holder, 'POST', `/projects/${id}/submit`, {});
  await call(instructeur, 'POST', `/projects/${id}/start_analysis`, {});
  await call(instructeur, 'POST', `/projects/${id}/complete_analysis`, { reason: p.analysis });
  return id;
}
