import { EVENT_STORE, type EventStore } from '#event-store';
import type { ApiHarness } from '../support/api-harness.js';
import { MEUSE, educationIntention, healthIntention } from '../support/demo-fixtures.js';
import { WITHOUT_COMMITTEE, deciderClaims } from '../support/validated-project.js';

/** FIP 2023, académie de Nancy-Metz (12): the envelope the Meuse education projects draw on. */
export const NANCY_METZ_2023 = 'fip-academie-12-2023';

let keys = 0;
/** A fresh Idempotency-Key. */
export const key = (label = 'k') => `${label}-${process.pid}-${++keys}`;

export async function actors(api: ApiHarness) {
  return {
    holder: await api.token({ role: 'holder', sub: 'holder-bar-le-duc' }),
    eduValidator: await api.token({ role: 'validator', sub: 'val-nancy-metz', scope: { academies: [MEUSE.academie] } }),
    arsValidator: await api.token({ role: 'validator', sub: 'val-ars-grand-est', scope: { regions: [MEUSE.region] } }),
    /** Workflow v2: the recteur of Nancy-Metz signs the education decisions, the DG ARS Grand Est the health ones. */
    eduDecider: await api.token(deciderClaims('education', MEUSE.academie)),
    arsDecider: await api.token(deciderClaims('health', MEUSE.region)),
    /** The académie de Nancy-Metz's finance officer (gestionnaire): only on academie-12 envelopes. */
    finance: await api.token({ role: 'finance', sub: 'finance-nancy-metz', scope: { academies: [MEUSE.academie] } }),
    /** The académie de Lille's (09). */
    lilleFinance: await api.token({ role: 'finance', sub: 'finance-lille', scope: { academies: ['09'] } }),
    /** The public accountant for the académie de Nancy-Metz: pays the orders, never certifies nor orders. */
    accountant: await api.token({ role: 'accountant', sub: 'comptable-nancy-metz', scope: { academies: [MEUSE.academie] } }),
    admin: await api.token({ role: 'admin', sub: 'admin-national' }),
    auditor: await api.token({ role: 'auditor', sub: 'auditor-cour-des-comptes' }),
  };
}
export type Actors = Awaited<ReturnType<typeof actors>>;

export const store = (api: ApiHarness) => api.app.get(EVENT_STORE) as EventStore;

/** POST an envelope command with an Idempotency-Key (a fresh one unless given). */
export function envelopeCommand(api: ApiHarness, token: string, path: string, body: unknown, idempotencyKey: string | null = key()) {
  return api.request('POST', path, { token, body, headers: idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey } });
}

/** Opens the FIP 2023 envelope of Nancy-Metz and notifies its credits (decimal euros). */
export async function openNancyMetz(api: ApiHarness, a: Actors, ae: string, cp: string) {
  const opened = await envelopeCommand(api, a.finance, '/envelopes', {
    fund: 'fip',
    territoryCode: 'academie-12',
    year: 2023,
    label: 'FIP 2023 – académie de Nancy-Metz',
  });
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  const notified = await envelopeCommand(api, a.finance, `/envelopes/${NANCY_METZ_2023}/notify`, {
    ae,
    cp,
    reason: 'Notification des crédits FIP 2023 par la DGESCO',
  });
  if (notified.status !== 200) throw new Error(`notify: ${notified.status} ${JSON.stringify(notified.body)}`);
  return notified;
}

async function transition(api: ApiHarness, token: string, id: string, command: string, body: Record<string, unknown> = {}) {
  const res = await api.request('POST', `/projects/${id}/${command}`, { token, body });
  if (res.status !== 200) throw new Error(`${command}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/**
 * An education project of Bar-le-Duc (Meuse), from the intention to its validation with `grantedCents` (workflow v2: the
 * instructeur closes the analysis, the recteur signs the validation, here without a committee proposal).
 */
export async function validatedEducationProject(api: ApiHarness, a: Actors, requestedCents: number, grantedCents: number, title?: string) {
  const declared = await api.request('POST', '/projects', { token: a.holder, body: educationIntention(title) });
  if (declared.status !== 201) throw new Error(`declare: ${declared.status} ${JSON.stringify(declared.body)}`);
  const id = declared.body.projectId as string;
  await transition(api, a.holder, id, 'start_drafting');
  const edited = await api.request('PATCH', `/projects/${id}`, {
    token: a.holder,
    body: { requestedAmountCents: requestedCents, budgetLines: [{ label: 'Matériel et intervenants', amountCents: requestedCents }] },
  });
  if (edited.status !== 200) throw new Error(`edit: ${edited.status} ${JSON.stringify(edited.body)}`);
  await transition(api, a.holder, id, 'submit');
  await transition(api, a.eduValidator, id, 'start_analysis');
  await transition(api, a.eduValidator, id, 'complete_analysis', { reason: 'Instruction close : dossier complet' });
  await transition(api, a.eduDecider, id, 'validate', {
    reason: 'Avis favorable de la commission académique',
    grantedAmountCents: grantedCents,
    departureReason: WITHOUT_COMMITTEE,
  });
  return id;
}

export { healthIntention, transition };

/** Polls `read` until `done` holds (the funding process runs after the command that triggers it). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const fundingOf = (api: ApiHarness, token: string, id: string) => api.request('GET', `/projects/${id}/funding`, { token });
