import type { Actor } from '#kernel';
import type { EventStore } from '#event-store';
import { type EnvelopeCommand } from '#funding';
import { handleEnvelopeCommand } from '#funding/application';

export const LILLE = 'fip-academie-09-2023';
export const HDF = 'fir-ars-32-2023';

let n = 0;
export const financeLille: Actor = { id: 'finance-lille', role: 'finance', scope: { academies: ['09'] } };
/** The public accountant who pays for the académie de Lille (never who certified or ordered). */
export const accountantLille: Actor = { id: 'comptable-lille', role: 'accountant', scope: { academies: ['09'] } };
export const financeHdf: Actor = { id: 'finance-hdf', role: 'finance', scope: { regions: ['32'] } };

type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Fields = Without<EnvelopeCommand, 'ctx' | 'requestId'>;

/** What a commitment needs of its signed award act, as the commit handler reads it (a school paid by its commune). */
export const signedAct = (actId: string, projectId: string, envelopeId: string, amountCents: number) => ({
  act: {
    actId,
    projectId,
    envelopeId,
    amountCents,
    fullySigned: true,
    payee: { organisationId: '21590350100017', name: 'Commune de Lille', siret: '21590350100017' },
  },
  ejNumber: `2103${actId.replace(/\D/g, '').padStart(6, '0')}`,
});

/** Runs an envelope command as `actor` at `now`. */
export function run(store: EventStore, envelopeId: string, actor: Actor, command: Fields, now = new Date('2023-09-15T09:00:00Z')) {
  return handleEnvelopeCommand(store, envelopeId, { ...command, ctx: { actor, now }, requestId: `req-${++n}` } as EnvelopeCommand);
}

/**
 * FIP Lille 2023: €1M AE / €500k CP, a commitment of €12,500 for `projectId`, service done, two payments, a recovery
 * with a motive that needs CSV quoting; FIR Hauts-de-France 2023: credits only.
 */
export async function fundingScenario(store: EventStore, projectId = 'project-lille-1'): Promise<void> {
  await run(store, LILLE, financeLille, {
    type: 'OpenEnvelope',
    fund: 'fip',
    territoryCode: 'academie-09',
    period: { fromYear: 2023, toYear: 2023 },
  });
  await run(store, LILLE, financeLille, {
    type: 'NotifyCredits',
    aeCents: 100_000_000,
    cpCents: 50_000_000,
    reason: 'Notification rectorat',
  });
  await run(store, LILLE, financeLille, {
    type: 'Commit',
    commitmentRef: 'EJ-2023-001',
    projectId,
    amountCents: 1_250_000,
    reason: 'Convention signée',
    ...signedAct('EJ-2023-001', projectId, LILLE, 1_250_000),
  });
  const ej = { commitmentRef: 'EJ-2023-001' };
  await run(store, LILLE, financeLille, { type: 'RecordServiceDone', ...ej, amountCents: 1_250_000, reference: 'PV de démarrage' });
  await run(store, LILLE, financeLille, { type: 'OrderPayment', ...ej, amountCents: 1_000_000, orderRef: 'DP-2023-0001' });
  await run(store, LILLE, accountantLille, { type: 'PayInstalment', ...ej, orderRef: 'DP-2023-0001' });
  await run(store, LILLE, financeLille, { type: 'OrderPayment', ...ej, amountCents: 250_000, orderRef: 'DP-2023-0002' });
  await run(store, LILLE, accountantLille, { type: 'PayInstalment', ...ej, orderRef: 'DP-2023-0002' });
  const title = { ...ej, titleRef: 'TP-2023-000118' };
  const reason = 'Trop-perçu; voir "bilan" =SOMME(A1)';
  await run(store, LILLE, financeLille, { type: 'OrderRecovery', ...title, amountCents: 50_000, reason });
  await run(store, LILLE, accountantLille, { type: 'CollectRecovery', ...title, amountCents: 50_000 });
  await run(store, HDF, financeHdf, {
    type: 'OpenEnvelope',
    fund: 'fir',
    territoryCode: 'ars-32',
    period: { fromYear: 2023, toYear: 2023 },
  });
  await run(store, HDF, financeHdf, { type: 'NotifyCredits', aeCents: 260_000_000, cpCents: 100_000_000 });
}
