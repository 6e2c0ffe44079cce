import type { FastifyReply } from 'fastify';
import { invalid } from '#kernel';
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

/** One commitment of an envelope: net figures and gross flows (cents). */
export function commitmentView(c: Commitment) {
  return {
    commitmentRef: c.ref,
    projectId: c.projectId,
    year: c.year,
    splitKey: c.splitKey,
    ...commitmentAmountsView(c),
    instalments: c.instalments,
  };
}

/** How many commitments GET /envelopes/:id lists (the first ones made); the others are paged by GET /envelopes/:id/commitments. */
export const FIRST_COMMITMENTS = 50;
export const MAX_COMMITMENTS_PAGE = 500;

/** Commitments `from` (0-based, in the order they were made), `limit` of them, and the `from` of the next page (null: none). */
export function commitmentsPage(state: EnvelopeState, from = 0, limit = FIRST_COMMITMENTS) {
  if (state.status === 'none') return { commitments: [], nextFrom: null };
  const commitments = state.commitments.page(from, limit).map(commitmentView);
  const next = from + commitments.length;
  return { commitments, nextFrom: next < state.commitments.size ? String(next) : null };
}

/** `from` and `limit` of GET /envelopes/:id/commitments, checked. */
export function commitmentPaging(query: { from?: string; limit?: string }): { from: number; limit: number } {
  const from = query.from === undefined || query.from === '' ? 0 : Number(query.from);
  if (!/^\d*$/.test(query.from ?? '') || !Number.isSafeInteger(from)) {
    throw invalid('VALIDATION_FAILED', 'from', 'an integer >= 0', { detail: '« from » est le rang du premier engagement voulu (0, 50…).' });
  }
  const limit = query.limit === undefined || query.limit === '' ? FIRST_COMMITMENTS : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_COMMITMENTS_PAGE) {
    throw invalid('VALIDATION_FAILED', 'limit', `an integer from 1 to ${MAX_COMMITMENTS_PAGE}`, {
      detail: `« limit » doit être un entier de 1 à ${MAX_COMMITMENTS_PAGE}.`,
    });
  }
  return { from, limit };
}

export type EnvelopeBalanceView = ReturnType<typeof balanceView>;

/**
 * GET /envelopes/:id: the balance, the first commitments (its size does not grow with the envelope: the others are paged by
 * GET /envelopes/:id/commitments from `commitmentsNextFrom`), the revision and position (and `asOf` for a past state).
 */
export interface EnvelopeView extends EnvelopeBalanceView {
  commitmentList: ReturnType<typeof commitmentView>[];
  commitmentsNextFrom: string | null;
  revision: string;
  position: string;
  asOf?: string;
}
