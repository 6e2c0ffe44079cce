import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiHarness, startApi } from '../support/api-harness.js';
import { NANCY_METZ_2023, type Actors, actors, eventually, openNancyMetz, validatedEducationProject } from '../funding/funding-flow.js';
import { COMMUNE_SIRET, commitAct, communePaysForSchool, payInstalment, signedAwardAct } from '../funding/award-flow.js';

const euros = (text: string) => `${text.replace(/ /g, '\u202f')}\u00a0€`;

describe("GET /projects/:id/history: the project's money, with people's names from the directory", () => {
  let api: ApiHarness;
  let a: Actors;
  let projectId: string;
  let actId: string;
  let ej: string;
  let orderRef: string;
  beforeAll(async () => {
    api = await startApi();
    a = await actors(api);
    // The directory names people (kept out of the log); the recteur's name is erased at his request before the read.
    const people = { 'finance-nancy-metz': 'Camille Martin', 'comptable-nancy-metz': 'Dominique Durand', 'recteur-12': 'Jean Valjean' };
    for (const [id, displayName] of Object.entries(people)) {
      const res = await api.request('PUT', `/people/${id}`, { token: a.admin, body: { displayName } });
      if (res.status !== 200) throw new Error(`person ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    await openNancyMetz(api, a, '4850000.00', '2425000.00');
    await communePaysForSchool(api, a);
    projectId = await validatedEducationProject(api, a, 1_250_000, 1_200_000, 'Une fresque participative');
    ({ actId } = await signedAwardAct(api, a, projectId));
    const committed = await commitAct(api, a.finance, NANCY_METZ_2023, projectId);
    expect(committed.status).toBe(200);
    await eventually(
      () => api.request('GET', `/projects/${projectId}`, { token: a.holder }),
      (r) => r.body.status === 'financing',
    );
    ({ orderRef } = await payInstalment(api, a, NANCY_METZ_2023, actId, 1, '6000.00'));
    ej = (await api.request('GET', `/projects/${projectId}/funding`, { token: a.finance })).body.commitment.ejNumber;
    expect((await api.request('DELETE', '/people/recteur-12', { token: a.admin })).status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
  });

  it('the act drafted and signed, the EJ, the service fait, the order and the payment, in log order, in French', async () => {
    const res = await api.request('GET', `/projects/${projectId}/history`, { token: a.auditor });
    expect(res.status).toBe(200);
    const events = res.body.events as { type: string; streamId?: string; position: string; summary: string; who: string }[];
    const positions = events.map((e) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));
    const money = events.filter((e) => e.streamId !== undefined);
    expect(money.map((e) => [e.streamId, e.type])).toEqual([
      [`award-act-${projectId}`, 'award_act.drafted'],
      [`award-act-${projectId}`, 'award_act.signed'],
      [`envelope-${NANCY_METZ_2023}`, 'envelope.committed'],
      [`envelope-${NANCY_METZ_2023}`, 'envelope.service_done'],
      [`envelope-${NANCY_METZ_2023}`, 'envelope.payment_ordered'],
      [`envelope-${NANCY_METZ_2023}`, 'envelope.paid'],
    ]);
    // The financing the EJ started comes between the commitment and the service fait.
    expect(events.findIndex((e) => e.type === 'project.financing_started')).toBeGreaterThan(
      events.findIndex((e) => e.type === 'envelope.committed'),
    );
    const payee = `Commune de Bar-le-Duc (SIRET ${COMMUNE_SIRET})`;
    const envelope = 'FIP 2023 – académie de Nancy-Metz';
    const [drafted, signed, commit, certified, ordered, paid] = money.map((e) => e.summary);
    expect(drafted).toMatch(
      new RegExp(
        `^Arrêté attributif n° .+ préparé par Camille Martin, gestionnaire financier : ${euros('12 000,00')} à ` +
          `${escape(payee)} sur ${envelope}, `,
      ),
    );
    // Erased from the directory: the id, never a failure.
    expect(signed).toMatch(/ signé par recteur-12, décideur, en qualité de recteur d’académie, en son nom propre$/);
    expect(commit).toBe(
      `Engagement de ${euros('12 000,00')} (EJ n° ${ej}) sur ${envelope} au profit de ${payee}, par Camille Martin, gestionnaire financier`,
    );
    expect(certified).toBe(
      `Service fait de ${euros('6 000,00')} certifié par Camille Martin, gestionnaire financier (échéance n° 1, EJ n° ${ej}) ` +
        'sur pièce : PV de service fait',
    );
    expect(ordered).toBe(
      `Ordre de payer ${orderRef} : ${euros('6 000,00')} à ${payee} (échéance n° 1, EJ n° ${ej}), donné par Camille Martin, ` +
        'gestionnaire financier',
    );
    expect(paid).toBe(
      `Paiement de ${euros('6 000,00')} à ${payee} sur ${envelope} (ordre ${orderRef}, échéance n° 1, EJ n° ${ej}), ` +
        'par Dominique Durand, comptable public',
    );
    // Names are read at read time: the log itself still names people by their directory id only.
    expect(money.map((e) => e.who)).toEqual([
      ...['finance-nancy-metz', 'recteur-12', 'finance-nancy-metz', 'finance-nancy-metz', 'finance-nancy-metz'],
      'comptable-nancy-metz',
    ]);
  });

  it('whoever may read the project reads its money there too; a reader out of its territory reads neither', async () => {
    const holder = await api.request('GET', `/projects/${projectId}/history`, { token: a.holder });
    expect(holder.body.events.filter((e: { streamId?: string }) => e.streamId)).toHaveLength(6);
    expect((await api.request('GET', `/projects/${projectId}/history`, { token: a.lilleFinance })).status).toBe(403);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
