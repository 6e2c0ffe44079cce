import type { FastifyReply } from 'fastify';
import { type Commitment, type EnvelopeBalance, type EnvelopeState, formatEuros, netCertified, netCommitted, netPaid } from '#funding';
import type { EnvelopeWrite } from './envelope-command.runner.js';

/** What an envelope command answers: the outcome (the first one on a retry), the balance, revision (ETag) and position. */
export function writeResponse(reply: FastifyReply, write: EnvelopeWrite) {
  reply.header('ETag', `"${write.revision}"`);
  if (write.position !== null) reply.header('X-Position', write.position.toString());
  if (write.replayed) reply.header('Idempotent-Replayed', 'true');
  return {
    envelopeId: write.envelopeId,
    requestId: write.requestId,
    replayed: write.replayed,
    outcome: write.outcome,
    ...(write.target ? { target: write.target } : {}),
    revision: write.revision.toString(),
    position: write.position?.toString() ?? null,
    balance: write.balance ? balanceView(write.balance) : null,
  };
}

type InCents<T> = { [K in keyof T & string as `${K}Cents`]: T[K] };

/** { notified: 5 } → { notifiedCents: 5 }: on the wire, an integer amount is named …Cents (one amount rule). */
function inCents<T extends object>(figures: T): InCents<T> {
  return Object.fromEntries(Object.entries(figures).map(([name, cents]) => [`${name}Cents`, cents])) as InCents<T>;
}

/** The balance with each AE and CP figure in integer cents (…Cents) and a fr-FR display of the main ones. */
export function balanceView(b: EnvelopeBalance) {
  return {
    ...b,
    ae: inCents(b.ae),
    cp: inCents(b.cp),
    years: b.years.map((y) => ({ ...y, ae: inCents(y.ae), cp: inCents(y.cp) })),
    display: {
      ae: { notified: formatEuros(b.ae.notified), committed: formatEuros(b.ae.committed), available: formatEuros(b.ae.available) },
      cp: {
        notified: formatEuros(b.cp.notified),
        paid: formatEuros(b.cp.paid),
        recovered: formatEuros(b.cp.recovered),
        available: formatEuros(b.cp.available),
      },
    },
  };
}

/** A commitment's gross flows and net figures (cents): the envelope's view of it and the project's funding view. */
export function commitmentAmountsView(c: Commitment) {
  return {
    committedCents: c.committed,
    releasedCents: c.released,
    serviceDoneCents: c.serviceDone,
    paidCents: c.paid,
    recoveredCents: c.recovered,
    netCommittedCents: netCommitted(c),
    netCertifiedCents: netCertified(c),
    netPaidCents: netPaid(c),
  };
}

/** Every commitment of an envelope, net figures and gross flows (cents). */
export function commitmentsView(state: EnvelopeState) {
  if (state.status === 'none') return [];
  return [...state.commitments].map((c) => ({
    commitmentRef: c.ref,
    projectId: c.projectId,
    year: c.year,
    splitKey: c.splitKey,
    ...commitmentAmountsView(c),
    instalments: c.instalments,
  }));
}

export type EnvelopeBalanceView = ReturnType<typeof balanceView>;

/** GET /envelopes/:id: the balance, the commitments, the revision and position (and `asOf` for a past state). */
export interface EnvelopeView extends EnvelopeBalanceView {
  commitmentList: ReturnType<typeof commitmentsView>;
  revision: string;
  position: string;
  asOf?: string;
}
