import type { ApiHarness } from '../../support/api-harness.js';
import { educationIntention, healthIntention } from '../../support/demo-fixtures.js';
import { WITHOUT_COMMITTEE, deciderClaims } from '../../support/validated-project.js';

export interface Step {
  name: string;
  /** The position the step wrote (X-Position). */
  position: string;
}

/** Drives one education project (Meuse, académie 12) from intention to validation over HTTP. */
export async function educationToValidation(
  api: ApiHarness,
  tokens: { holder: string; validator: string; decider?: string },
  onStep?: (s: Step) => Promise<void>,
) {
  const steps: Step[] = [];
  const record = async (name: string, res: { status: number; body: any }) => {
    if (res.status >= 300) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
    const step = { name, position: res.body.position as string };
    steps.push(step);
    await onStep?.(step);
  };
  const created = await api.request('POST', '/projects', { token: tokens.holder, body: educationIntention() });
  const id = created.body.projectId as string;
  await record('declare', created);
  await record('start_drafting', await api.request('POST', `/projects/${id}/start_drafting`, { token: tokens.holder, body: {} }));
  await record(
    'edit',
    await api.request('PATCH', `/projects/${id}`, {
      token: tokens.holder,
      body: { requestedAmountCents: 1_250_000, budgetLines: [{ label: 'Matériel de jardinage', amountCents: 1_500_000 }] },
    }),
  );
  await record('submit', await api.request('POST', `/projects/${id}/submit`, { token: tokens.holder, body: {} }));
  await record('start_analysis', await api.request('POST', `/projects/${id}/start_analysis`, { token: tokens.validator, body: {} }));
  const closing = { reason: 'Instruction close : dossier complet' };
  await record(
    'complete_analysis',
    await api.request('POST', `/projects/${id}/complete_analysis`, { token: tokens.validator, body: closing }),
  );
  // The recteur of Nancy-Metz signs in own right, without a commission here.
  const decider = tokens.decider ?? (await api.token(deciderClaims('education', '12')));
  await record(
    'validate',
    await api.request('POST', `/projects/${id}/validate`, {
      token: decider,
      body: { reason: 'Projet solide, partenaires engagés', grantedAmountCents: 1_250_000, departureReason: WITHOUT_COMMITTEE },
    }),
  );
  return { id, steps };
}

/** A health project left in drafting. */
export async function healthDraft(api: ApiHarness, holder: string): Promise<string> {
  const created = await api.request('POST', '/projects', { token: holder, body: healthIntention() });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const id = created.body.projectId as string;
  await api.request('POST', `/projects/${id}/start_drafting`, { token: holder, body: {} });
  return id;
}
