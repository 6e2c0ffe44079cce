/** What a committee proposed for the project, as the decision refers to it. */
export interface ProposalFollowed {
  sessionId: string;
  /** The session's kind: a commission (académique, départementale) or the CTS. */
  sessionKind: string;
  /** The session's day (ISO), for the history. */
  sessionDate?: string;
  outcome: 'favourable' | 'unfavourable' | 'to_complete';
  proposedAmountCents?: number;
}

/**
 * Who signed a decision, in what capacity and under which delegation of signature (none: in their own right), and the
 * committee proposal it follows — or why it departs from it (a decision without a proposal departs from none it follows).
 */
export interface DecisionSignature {
  signatory: string;
  capacity: string;
  delegationId?: string;
  /** The reference of the act delegating the signature (an arrêté). */
  actReference?: string;
  proposal?: ProposalFollowed;
  /** Present when the decision does not follow a proposal (or there is none): the signatory's reason. */
  departureReason?: string;
}

/** The decisions a decider signs in workflow v2 (an instructeur's request for completion needs no signature). */
export const SIGNED_DECISIONS = ['validate', 'reject', 'return_to_instruction'] as const;
export type SignedDecision = (typeof SIGNED_DECISIONS)[number];

export const SIGNATURE_INPUT = { name: 'signature', label: 'Signature (signataire, qualité, délégation ; apposée par Refonda)' };

/** Whether the decision is the one the proposal called for (same outcome; for a validation, the amount proposed). */
export function followsProposal(decision: SignedDecision, proposal: ProposalFollowed, grantedAmountCents?: number): boolean {
  if (decision === 'validate') return proposal.outcome === 'favourable' && proposal.proposedAmountCents === grantedAmountCents;
  if (decision === 'reject') return proposal.outcome === 'unfavourable';
  return proposal.outcome === 'to_complete';
}
