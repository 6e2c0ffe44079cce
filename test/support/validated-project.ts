/** Any way of sending a request to the API (the in-process harness, or fetch to a replica): the status and the JSON body. */
export type Send = (method: 'POST' | 'PATCH', path: string, token: string, body: unknown) => Promise<{ status: number; body: any }>;

export interface ProjectToValidate {
  /** The intention (program, title, territory, holder…) as POST /projects takes it. */
  intention: { program: string } & Record<string, unknown>;
  requestedCents: number;
  grantedCents: number;
}

/** The tokens a project's path to validation needs: its holder, an instructeur, and a decider who signs (workflow v2). */
export interface PathTokens {
  holder: string;
  validator: string;
  decider: string;
}

/** What a decision signed without a committee proposal says (the tests' projects skip the commission). */
export const WITHOUT_COMMITTEE = 'Décision prise sans passage en commission (scénario de test)';

/**
 * Declares a project and takes it to `validated` through real commands (holder: drafting, dossier, submission; validator:
 * analysis, its closing, the CTS's opinion for health; decider: the signed validation with `grantedCents`). Returns its id.
 */
export async function declareAndValidate(send: Send, tokens: PathTokens, p: ProjectToValidate): Promise<string> {
  const ok = async (method: 'POST' | 'PATCH', path: string, token: string, body: unknown = {}) => {
    const res = await send(method, path, token, body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const id = (await ok('POST', '/projects', tokens.holder, p.intention)).projectId as string;
  await ok('POST', `/projects/${id}/start_drafting`, tokens.holder);
  const budgetLines = [{ label: 'Matériel et intervenants', amountCents: p.requestedCents }];
  await ok('PATCH', `/projects/${id}`, tokens.holder, { requestedAmountCents: p.requestedCents, budgetLines });
  await ok('POST', `/projects/${id}/submit`, tokens.holder);
  await ok('POST', `/projects/${id}/start_analysis`, tokens.validator);
  await ok('POST', `/projects/${id}/complete_analysis`, tokens.validator, { reason: 'Instruction close : dossier complet' });
  if (p.intention.program === 'health') {
    await ok('POST', `/projects/${id}/refer_to_cts`, tokens.validator);
    await ok('POST', `/projects/${id}/record_cts_opinion`, tokens.validator, { reason: 'Avis favorable du CTS', favourable: true });
  }
  const decision = { reason: 'Avis favorable', grantedAmountCents: p.grantedCents, departureReason: WITHOUT_COMMITTEE };
  await ok('POST', `/projects/${id}/validate`, tokens.decider, decision);
  return id;
}

/** Runs `make` for 0..count-1, `width` at a time; the results in order. */
export async function inBatches<T>(count: number, width: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += width) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(width, count - start) }, (_, k) => make(start + k)))));
  }
  return out;
}

/** A decider's token claims in its own right: the recteur of an académie (education), the DG ARS of a région (health). */
export function deciderClaims(program: string, code: string) {
  return program === 'health'
    ? { role: 'decider' as const, sub: `dg-ars-${code}`, scope: { regions: [code] }, capacity: 'dg_ars' }
    : { role: 'decider' as const, sub: `recteur-${code}`, scope: { academies: [code] }, capacity: 'recteur' };
}
