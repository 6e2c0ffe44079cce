import { DeadlinesService } from '../../../apps/api/src/processes/deadlines/deadlines.service.js';
import type { ApiHarness } from '../api-harness.js';
import { DAY, declare, dossier, edit, envelope, fundingReaches, scenarioActors, step } from './scenario.js';

const NATIONAL = 'fip-national-2023-2027';
const NANCY_METZ = 'fip-academie-12-2023';
const LILLE = 'fip-academie-09-2023';
const GRAND_EST = 'fir-ars-44-2023';
const HDF = 'fir-ars-32-2023';
const HDF_CTS = ['CTS-32-02', 'CTS-32-59-1', 'CTS-32-59-2', 'CTS-32-60', 'CTS-32-62', 'CTS-32-80'];

async function envelopes(api: ApiHarness, a: Awaited<ReturnType<typeof scenarioActors>>) {
  await envelope(
    api,
    a.admin,
    '/envelopes',
    {
      fund: 'fip',
      territoryCode: 'national',
      period: { fromYear: 2023, toYear: 2027 },
      label: 'FIP national 2023–2027',
      ceiling: '500000000.00',
    },
    201,
  );
  await envelope(api, a.admin, `/envelopes/${NATIONAL}/notify`, {
    ae: '150000000.00',
    cp: '150000000.00',
    reason: 'Crédits FIP 2023 notifiés aux académies',
  });
  await envelope(
    api,
    a.admin,
    '/envelopes',
    { fund: 'fip', territoryCode: 'academie-12', year: 2023, label: 'FIP 2023 – académie de Nancy-Metz', parentId: NATIONAL },
    201,
  );
  await envelope(
    api,
    a.admin,
    '/envelopes',
    { fund: 'fip', territoryCode: 'academie-09', year: 2023, label: 'FIP 2023 – académie de Lille', parentId: NATIONAL },
    201,
  );
  await envelope(api, a.admin, `/envelopes/${NATIONAL}/allocate`, {
    childId: NANCY_METZ,
    ae: '4850000.00',
    cp: '2425000.00',
    reason: 'Part académique',
  });
  await envelope(api, a.admin, `/envelopes/${NATIONAL}/allocate`, {
    childId: LILLE,
    ae: '9700000.00',
    cp: '4850000.00',
    reason: 'Part académique',
  });
  await envelope(api, a.admin, `/envelopes/${LILLE}/transfer`, {
    toId: NANCY_METZ,
    ae: '100000.00',
    cp: '50000.00',
    reason: 'Redéploiement entre académies',
  });
  await envelope(api, a.admin, `/envelopes/${NATIONAL}/reduce`, {
    ae: '20000.00',
    cp: '10000.00',
    reason: 'Mise en réserve de précaution',
  });
  await envelope(
    api,
    a.financeGrandEst,
    '/envelopes',
    { fund: 'fir', territoryCode: 'ars-44', year: 2023, label: 'FIR 2023 – ARS Grand Est (CNR santé)' },
    201,
  );
  await envelope(api, a.financeGrandEst, `/envelopes/${GRAND_EST}/notify`, {
    ae: 100_000_000,
    cp: 100_000_000,
    reason: 'Délégation FIR CNR santé',
  });
  await envelope(
    api,
    a.financeHdf,
    '/envelopes',
    { fund: 'fir', territoryCode: 'ars-32', year: 2023, label: 'FIR 2023 – ARS Hauts-de-France (CNR santé)' },
    201,
  );
  await envelope(api, a.financeHdf, `/envelopes/${HDF}/notify`, {
    ae: '2600000.00',
    cp: '2600000.00',
    reason: 'Délégation FIR, répartition indicative par CTS',
  });
  const share = 43_333_333;
  const shares = Object.fromEntries(HDF_CTS.map((c, i) => [c, i === 0 ? 260_000_000 - share * 5 : share]));
  await envelope(api, a.financeHdf, `/envelopes/${HDF}/split`, {
    split: { mode: 'soft', shares },
    reason: 'Répartition indicative entre les 6 CTS',
  });
}

async function analysed(api: ApiHarness, holder: string, validator: string, id: string, requestedCents: number) {
  await step(api, holder, id, 'start_drafting');
  await edit(api, holder, id, dossier(requestedCents));
  await step(api, holder, id, 'submit');
  await step(api, validator, id, 'start_analysis');
}

/** Runs the scenario; returns the project ids by name. */
export async function runScenario(api: ApiHarness): Promise<Record<string, string>> {
  const a = await scenarioActors(api);
  await envelopes(api, a);
  const p: Record<string, string> = {};
  p.intention = await declare(api, a.holderLille, 'education', 'Concertation : le bien-être des élèves', 'lille');
  p.drafting = await declare(api, a.holderLille, 'education', 'Le tutorat entre pairs en seconde', 'lille');
  await step(api, a.holderLille, p.drafting, 'start_drafting');
  await edit(api, a.holderLille, p.drafting, { title: 'Le tutorat entre pairs en seconde et première', requestedAmountCents: 600_000 });

  p.closedEdu = await declare(api, a.holderBarLeDuc, 'education', 'Un jardin pédagogique partagé', 'barLeDuc');
  await analysed(api, a.holderBarLeDuc, a.validatorNancyMetz, p.closedEdu, 1_500_000);
  await step(api, a.validatorNancyMetz, p.closedEdu, 'request_completion', { reason: 'Le budget doit détailler les interventions.' });
  await edit(api, a.holderBarLeDuc, p.closedEdu, {
    description: 'Jardin partagé : 3 classes, 2 ateliers parents, la commune fournit la parcelle.',
  });
  await step(api, a.holderBarLeDuc, p.closedEdu, 'resubmit');
  await step(api, a.validatorNancyMetz, p.closedEdu, 'start_analysis');
  await step(api, a.validatorNancyMetz, p.closedEdu, 'validate', {
    reason: 'Avis favorable de la commission académique.',
    grantedAmountCents: 1_200_000,
  });
  await fundingReaches(api, a.holderBarLeDuc, p.closedEdu, (f) => f.funding?.status === 'financing' && f.payments?.length === 1);

  p.lapsed = await declare(api, a.holderBarLeDuc, 'education', 'Une radio scolaire ouverte aux familles', 'barLeDuc');
  await analysed(api, a.holderBarLeDuc, a.validatorNancyMetz, p.lapsed, 800_000);
  await step(api, a.validatorNancyMetz, p.lapsed, 'request_completion', { reason: 'Le devis du matériel manque.' });
  p.withdrawnDrafting = await declare(api, a.holderBarLeDuc, 'education', 'Un séjour en classe de mer', 'barLeDuc');
  await step(api, a.holderBarLeDuc, p.withdrawnDrafting, 'start_drafting');
  await step(api, a.holderBarLeDuc, p.withdrawnDrafting, 'withdraw', { reason: 'Le séjour est financé par la commune.' });
  p.withdrawnCompletion = await declare(api, a.holderBarLeDuc, 'education', 'Des ateliers philosophie au cycle 3', 'barLeDuc');
  await analysed(api, a.holderBarLeDuc, a.validatorNancyMetz, p.withdrawnCompletion, 450_000);
  await step(api, a.validatorNancyMetz, p.withdrawnCompletion, 'request_completion', { reason: 'Préciser le calendrier.' });
  await step(api, a.holderBarLeDuc, p.withdrawnCompletion, 'withdraw');

  p.reopened = await declare(api, a.holderLille, 'education', 'Une cour d’école végétalisée', 'lille');
  await analysed(api, a.holderLille, a.validatorLille, p.reopened, 2_300_000);
  await step(api, a.validatorLille, p.reopened, 'reject', { reason: 'Le projet relève du fonctionnement courant.' });
  await step(api, a.validatorLille, p.reopened, 'reopen', { reason: 'Recours gracieux : la dimension pédagogique est établie.' });
  await step(api, a.validatorLille, p.reopened, 'validate', {
    reason: 'Projet co-construit avec les familles.',
    grantedAmountCents: 2_000_000,
  });
  await fundingReaches(api, a.holderLille, p.reopened, (f) => f.funding?.status === 'financing' && f.payments?.length === 1);
  await envelope(api, a.financeLille, `/envelopes/${LILLE}/recover`, {
    commitmentRef: `EJ-2023-${p.reopened}`,
    amount: '1500.00',
    reason: 'Trop-perçu sur l’avance',
  });
  p.rejected = await declare(api, a.holderLille, 'education', 'Un séjour linguistique sans partenaire', 'lille');
  await analysed(api, a.holderLille, a.validatorLille, p.rejected, 3_000_000);
  await step(api, a.validatorLille, p.rejected, 'reject', { reason: 'Aucun partenaire n’est associé au projet.' });

  p.healthFinancing = await declare(api, a.holderMsp, 'health', 'Soins non programmés en maison de santé', 'msp');
  await analysed(api, a.holderMsp, a.validatorGrandEst, p.healthFinancing, 5_000_000);
  await step(api, a.validatorGrandEst, p.healthFinancing, 'refer_to_cts');
  await step(api, a.validatorGrandEst, p.healthFinancing, 'record_cts_opinion', {
    favourable: true,
    reason: 'Avis favorable du CTS de la Meuse.',
  });
  await step(api, a.validatorGrandEst, p.healthFinancing, 'validate', {
    reason: 'Décision du DG de l’ARS après avis du CTS.',
    grantedAmountCents: 4_500_000,
  });
  await fundingReaches(api, a.holderMsp, p.healthFinancing, (f) => f.funding?.status === 'financing');
  p.healthRejected = await declare(api, a.holderMsp, 'health', 'Un bus de prévention itinérant', 'msp');
  await analysed(api, a.holderMsp, a.validatorGrandEst, p.healthRejected, 9_000_000);
  await step(api, a.validatorGrandEst, p.healthRejected, 'refer_to_cts');
  await step(api, a.validatorGrandEst, p.healthRejected, 'record_cts_opinion', {
    favourable: false,
    reason: 'Le CTS juge l’action redondante.',
  });
  await step(api, a.validatorGrandEst, p.healthRejected, 'reject', { reason: 'Avis défavorable du CTS.' });
  p.healthReopened = await declare(api, a.holderMsp, 'health', 'Un centre de santé sexuelle', 'msp');
  await analysed(api, a.holderMsp, a.validatorGrandEst, p.healthReopened, 1_000_000);
  await step(api, a.validatorGrandEst, p.healthReopened, 'refer_to_cts');
  await step(api, a.validatorGrandEst, p.healthReopened, 'record_cts_opinion', { favourable: false, reason: 'Pièces manquantes.' });
  await step(api, a.validatorGrandEst, p.healthReopened, 'reject', { reason: 'Dossier incomplet.' });
  await step(api, a.validatorGrandEst, p.healthReopened, 'reopen', { reason: 'Pièces reçues.' });
  p.healthLapsed = await declare(api, a.holderMsp, 'health', 'Un transport solidaire vers les soins', 'msp');
  await analysed(api, a.holderMsp, a.validatorGrandEst, p.healthLapsed, 1_500_000);
  await step(api, a.validatorGrandEst, p.healthLapsed, 'request_completion', { reason: 'Joindre la convention avec le département.' });
  await edit(api, a.holderMsp, p.healthLapsed, { description: 'Transport solidaire : convention avec le département jointe.' });
  await step(api, a.holderMsp, p.healthLapsed, 'resubmit');
  await step(api, a.validatorGrandEst, p.healthLapsed, 'start_analysis');
  await step(api, a.validatorGrandEst, p.healthLapsed, 'request_completion', { reason: 'La convention n’est pas signée.' });
  p.healthSplit = await declare(api, a.holderSomme, 'health', 'Une équipe mobile de soins palliatifs', 'somme');
  await analysed(api, a.holderSomme, a.validatorHdf, p.healthSplit, 50_000_000);
  await step(api, a.validatorHdf, p.healthSplit, 'refer_to_cts');
  await step(api, a.validatorHdf, p.healthSplit, 'record_cts_opinion', { favourable: true, reason: 'Avis favorable du CTS de la Somme.' });
  await step(api, a.validatorHdf, p.healthSplit, 'validate', { reason: 'Priorité du PRS.', grantedAmountCents: 50_000_000 });
  await fundingReaches(api, a.holderSomme, p.healthSplit, (f) => f.funding?.status === 'financing');
  p.cts = await declare(api, a.holderMsp, 'health', 'Prévention santé mentale des jeunes', 'msp');
  await analysed(api, a.holderMsp, a.validatorGrandEst, p.cts, 2_000_000);
  await step(api, a.validatorGrandEst, p.cts, 'refer_to_cts');
  p.submitted = await declare(api, a.holderMsp, 'health', 'Télé-expertise dermatologique', 'msp');
  await step(api, a.holderMsp, p.submitted, 'start_drafting');
  await edit(api, a.holderMsp, p.submitted, dossier(700_000));
  await step(api, a.holderMsp, p.submitted, 'submit');
  p.healthWithdrawn = await declare(api, a.holderMsp, 'health', 'Une permanence de soins le samedi', 'msp');
  await step(api, a.holderMsp, p.healthWithdrawn, 'withdraw', { reason: 'Reprise par la CPTS.' });

  // The final report closes the education project (service fait, balance, release of the unspent part).
  await step(api, a.holderBarLeDuc, p.closedEdu, 'submit_final_report', {
    report: { summary: 'Jardin réalisé, 3 classes, 2 ateliers parents', spentAmountCents: 1_125_040 },
  });
  await fundingReaches(api, a.holderBarLeDuc, p.closedEdu, (f) => f.projectStatus === 'closed');
  await step(api, a.holderMsp, p.healthFinancing, 'submit_final_report', {
    report: { summary: 'Permanence ouverte 5 soirs par semaine', spentAmountCents: 4_500_000 },
  });
  await fundingReaches(api, a.holderMsp, p.healthFinancing, (f) => f.projectStatus === 'closed');

  // 31 days later the completion deadline of p.lapsed expires: the project lapses to withdrawn.
  (api.clock as { advance(ms: number): void }).advance(31 * DAY);
  await api.app.get(DeadlinesService).tick();

  await envelope(api, a.financeGrandEst, `/envelopes/${GRAND_EST}/commit`, {
    commitmentRef: 'EJ-2023-MANUEL-0001',
    projectId: p.cts,
    amount: '5000.00',
    reason: 'Engagement anticipé (fictif)',
  });
  await envelope(api, a.financeGrandEst, `/envelopes/${GRAND_EST}/service-done`, {
    commitmentRef: 'EJ-2023-MANUEL-0001',
    amount: '2000.00',
    reference: 'PV',
  });
  await envelope(api, a.financeGrandEst, `/envelopes/${GRAND_EST}/pay`, {
    commitmentRef: 'EJ-2023-MANUEL-0001',
    amount: '2000.00',
    reference: 'DP-1',
  });
  await envelope(api, a.financeGrandEst, `/envelopes/${GRAND_EST}/release`, {
    commitmentRef: 'EJ-2023-MANUEL-0001',
    reason: 'Désengagement du solde',
  });
  (api.clock as { advance(ms: number): void }).advance(60 * DAY);
  await envelope(api, a.financeGrandEst, `/envelopes/${GRAND_EST}/close-year`, { year: 2023 });
  return p;
}
