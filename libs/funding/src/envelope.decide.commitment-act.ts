import { DomainError, invalid } from '#kernel';
import { formatEuros } from './money.js';
import type { Commit } from './envelope.commands.js';
import type { OpenedEnvelope } from './envelope.state.js';

const EJ_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./_-]{2,49}$/;

const refused = (code: string, message: string, rule: string, field: string, details: Record<string, unknown> = {}) =>
  new DomainError('conflict', code, message, { field, rule, ...details });

/**
 * An EJ formalises a signed award act on the envelope it names, for its project, never above its amount; its number is the
 * accounting system's, and two acts never share one on an envelope. Returns what the committed event records of the act.
 */
export function committedAct(cmd: Commit, s: OpenedEnvelope, commitmentRef: string, projectId: string, amountCents: number) {
  const act = cmd.act;
  if (!act || typeof act !== 'object') throw invalid('ENVELOPE_AWARD_ACT_REQUIRED', 'awardActId', 'a signed award act');
  if (!act.fullySigned) {
    throw refused(
      'ENVELOPE_AWARD_ACT_NOT_SIGNED',
      `L’acte ${act.actId} n’est pas signé par toutes les parties : rien n’est engagé.`,
      'signed-award-act',
      'awardActId',
      {
        awardActId: act.actId,
      },
    );
  }
  if (act.envelopeId !== s.envelopeId) {
    throw refused(
      'ENVELOPE_AWARD_ACT_OTHER_ENVELOPE',
      `L’acte ${act.actId} impute l’enveloppe ${act.envelopeId}, pas ${s.envelopeId}.`,
      'the-act-envelope',
      'awardActId',
      {
        awardActId: act.actId,
        actEnvelopeId: act.envelopeId,
      },
    );
  }
  if (act.actId !== commitmentRef || act.projectId !== projectId) {
    throw invalid('ENVELOPE_AWARD_ACT_MISMATCH', 'awardActId', 'the commitment of this act and of its project');
  }
  if (amountCents > act.amountCents) {
    throw refused(
      'ENVELOPE_COMMITMENT_ABOVE_ACT',
      `L’engagement ne peut excéder l’acte attributif (${formatEuros(act.amountCents)}).`,
      'at-most-the-act',
      'amount',
      {
        actAmountCents: act.amountCents,
        requestedCents: amountCents,
      },
    );
  }
  const ejNumber = typeof cmd.ejNumber === 'string' ? cmd.ejNumber.trim() : '';
  if (!EJ_NUMBER.test(ejNumber))
    throw invalid('ENVELOPE_INVALID_EJ_NUMBER', 'ejNumber', 'the EJ number given by the accounting system (3 to 50 characters)');
  const takenRef = s.commitments.refOfEj(ejNumber);
  const taken = takenRef === undefined ? undefined : s.commitments.get(takenRef);
  if (taken) {
    throw refused(
      'ENVELOPE_EJ_NUMBER_TAKEN',
      `Le numéro d’EJ ${ejNumber} est déjà celui de l’engagement ${taken.ref}.`,
      'unique-ej-number',
      'ejNumber',
      {
        commitmentRef: taken.ref,
      },
    );
  }
  const payee = { organisationId: act.payee.organisationId, name: act.payee.name, siret: act.payee.siret };
  const schedule = act.schedule?.map(({ number, kind, amountCents }) => ({ number, kind, amountCents }));
  return {
    awardActId: act.actId,
    actAmountCents: act.amountCents,
    ejNumber,
    ...(cmd.ejNumberFictitious ? { ejNumberFictitious: true as const } : {}),
    payee,
    ...(schedule ? { schedule } : {}),
  };
}
