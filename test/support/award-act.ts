import type { ApiHarness } from './api-harness.js';

/** A SIRET and an IBAN with valid keys, for payees whose own do not matter to the test. */
export const TEST_PAYEE = { kind: 'self', siret: '55099990800019', iban: 'FR7630006000011234567890189' };

export interface ActTokens {
  /** A member of the project's holder organisation (sets its payee; countersigns a convention). */
  holder: string;
  /** Finance of the envelope's territory, or an admin (drafts the act). */
  finance: string;
  /** The authority of the project's territory (signs the act). */
  decider: string;
}

/**
 * What a commitment needs first, done as the people do it: the holder's payee in the directory, the award act drafted on
 * `envelopeId` (the decision's amount unless `draft` says otherwise) and signed; a convention countersigned by the holder.
 */
export async function signAwardAct(api: ApiHarness, t: ActTokens, projectId: string, draft: Record<string, unknown> = {}) {
  const project = await api.request('GET', `/projects/${projectId}?minPosition=${await api.headPosition()}`, { token: t.holder });
  const organisationId = (project.body.content as { holder: { organisationId: string } }).holder.organisationId;
  const payee = await api.request('PUT', `/organisations/${organisationId}/payee`, { token: t.holder, body: TEST_PAYEE });
  if (payee.status !== 200) throw new Error(`payee: ${payee.status} ${JSON.stringify(payee.body)}`);
  const body = { payeeLegalStatus: 'private', ...draft };
  const drafted = await api.request('POST', `/projects/${projectId}/award-act`, { token: t.finance, body });
  if (drafted.status !== 201) throw new Error(`draft: ${drafted.status} ${JSON.stringify(drafted.body)}`);
  const signed = await api.request('POST', `/projects/${projectId}/award-act/sign`, { token: t.decider, body: {} });
  if (signed.status !== 200) throw new Error(`sign: ${signed.status} ${JSON.stringify(signed.body)}`);
  if (signed.body.status === 'awaiting_countersignature') {
    const counter = await api.request('POST', `/projects/${projectId}/award-act/countersign`, { token: t.holder, body: {} });
    if (counter.status !== 200) throw new Error(`countersign: ${counter.status} ${JSON.stringify(counter.body)}`);
    return counter.body as { actId: string; envelopeId: string; status: string };
  }
  return signed.body as { actId: string; envelopeId: string; status: string };
}
