import { createHash } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DeadlinesService } from '../../apps/api/src/processes/deadlines/deadlines.service.js';
import type { ApiHarness } from '../support/api-harness.js';
import { HEALTH_FINESS, MEUSE, SCHOOL_UAI, educationIntention, healthIntention } from '../support/demo-fixtures.js';
import { WITHOUT_COMMITTEE, deciderClaims } from '../support/validated-project.js';

export const DAY = 86_400_000;
/** The lowercase hex SHA-256 of a file's content (attachments carry it, not the file). */
export const SHA = (content: string) => createHash('sha256').update(content).digest('hex');

/** Real tokens for the actors of a Meuse dossier (académie de Nancy-Metz 12, région Grand Est 44, CTS Meuse). */
export async function actors(api: ApiHarness) {
  return {
    holder: await api.token({ role: 'holder', sub: 'holder-bar-le-duc' }),
    otherHolder: await api.token({ role: 'holder', sub: 'holder-verdun' }),
    eduValidator: await api.token({ role: 'validator', sub: 'val-nancy-metz', scope: { academies: [MEUSE.academie] } }),
    /** Académie de Lille (09): not Meuse. */
    lilleValidator: await api.token({ role: 'validator', sub: 'val-lille', scope: { academies: ['09'] } }),
    arsValidator: await api.token({ role: 'validator', sub: 'val-ars-grand-est', scope: { regions: [MEUSE.region] } }),
    ctsValidator: await api.token({ role: 'validator', sub: 'val-dt-meuse', scope: { cts: [MEUSE.cts] } }),
    /** ARS Hauts-de-France (32). */
    hdfValidator: await api.token({ role: 'validator', sub: 'val-ars-hdf', scope: { regions: ['32'] } }),
    /** Workflow v2's deciders, who sign in their own right: the recteur of Nancy-Metz, the DG ARS Grand Est. */
    eduDecider: await api.token(deciderClaims('education', MEUSE.academie)),
    arsDecider: await api.token(deciderClaims('health', MEUSE.region)),
    /** The recteur of Lille (09) and the DG ARS Hauts-de-France (32): deciders of other territories. */
    lilleDecider: await api.token(deciderClaims('education', '09')),
    hdfDecider: await api.token(deciderClaims('health', '32')),
    finance: await api.token({ role: 'finance', sub: 'finance-national' }),
    admin: await api.token({ role: 'admin', sub: 'admin-national' }),
  };
}

export type Actors = Awaited<ReturnType<typeof actors>>;

export const dossier = (amountCents = 1_250_000) => ({
  requestedAmountCents: amountCents,
  budgetLines: [
    { label: 'Matériel de jardinage et semences', amountCents: 800_000 },
    { label: 'Intervention d’une association', amountCents: 700_000 },
  ],
  attachments: [{ name: 'devis-association.pdf', sizeBytes: 48_213, sha256: SHA('devis association') }],
});

export async function declare(api: ApiHarness, token: string, program: 'education' | 'health', title?: string) {
  const res = await api.request('POST', '/projects', {
    token,
    body: program === 'education' ? educationIntention(title) : healthIntention(title),
  });
  if (res.status !== 201) throw new Error(`declare: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.projectId as string;
}

/** POST /projects/:id/:command; the answer, whatever its status. */
export const run = (
  api: ApiHarness,
  token: string,
  id: string,
  command: string,
  body: Record<string, unknown> = {},
  headers?: Record<string, string>,
) => api.request('POST', `/projects/${id}/${command}`, { token, body, headers });

/** Runs a transition that must succeed (200). */
export async function ok(api: ApiHarness, token: string, id: string, command: string, body: Record<string, unknown> = {}) {
  const res = await run(api, token, id, command, body);
  if (res.status !== 200) throw new Error(`${command}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export async function edit(api: ApiHarness, token: string, id: string, changes: Record<string, unknown>, headers?: Record<string, string>) {
  return api.request('PATCH', `/projects/${id}`, { token, body: changes, headers });
}

/** GET /projects/:id once the read models have caught up with the log. */
export async function read(api: ApiHarness, token: string, id: string) {
  const head = await api.headPosition();
  return api.request('GET', `/projects/${id}?minPosition=${head}`, { token });
}

export const commandsOf = (res: { body: { actions: { command: string }[] } }) => res.body.actions.map((a) => a.command);

export const store = (api: ApiHarness) => api.app.get(EVENT_STORE) as EventStore;
export const deadlines = (api: ApiHarness) => api.app.get(DeadlinesService);

export async function eventTypes(api: ApiHarness, id: string): Promise<string[]> {
  return (await store(api).readStream(`project-${id}`)).map((e) => e.type);
}

/** Declares an education project and takes it to under_analysis. */
export async function educationUnderAnalysis(api: ApiHarness, a: Actors, title?: string) {
  const id = await declare(api, a.holder, 'education', title);
  await ok(api, a.holder, id, 'start_drafting');
  const edited = await edit(api, a.holder, id, dossier());
  if (edited.status !== 200) throw new Error(`edit: ${edited.status} ${JSON.stringify(edited.body)}`);
  await ok(api, a.holder, id, 'submit');
  await ok(api, a.eduValidator, id, 'start_analysis');
  return id;
}

/** Declares an education project and takes it to analysed (v2: the instructeur has closed the analysis). */
export async function educationAnalysed(api: ApiHarness, a: Actors, title?: string) {
  const id = await educationUnderAnalysis(api, a, title);
  await ok(api, a.eduValidator, id, 'complete_analysis', { reason: 'Instruction close : dossier complet et éligible' });
  return id;
}

/** A decision signed without a committee proposal (the lifecycle tests skip the commission): its reason, then the body. */
export const signed = (reason: string, extra: Record<string, unknown> = {}) => ({ reason, departureReason: WITHOUT_COMMITTEE, ...extra });

/** The data of the project's last event of this type (its signature, for a decision). */
export async function lastEventData(api: ApiHarness, id: string, type: string): Promise<Record<string, any>> {
  const events = (await store(api).readStream(`project-${id}`)).filter((e) => e.type === type);
  if (events.length === 0) throw new Error(`no ${type} event on project ${id}`);
  return events[events.length - 1]!.data as Record<string, any>;
}

export { HEALTH_FINESS, MEUSE, SCHOOL_UAI, WITHOUT_COMMITTEE };
