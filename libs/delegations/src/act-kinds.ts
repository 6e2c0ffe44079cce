/**
 * The kinds of act a signature covers: the decisions on a dossier and the spending chain's acts, one list for one
 * authority model. A request for completion is an instructeur's act and needs no signature: it is not a kind.
 */
export const ACT_KINDS = [
  'decision.validate',
  'decision.reject',
  'decision.return_to_instruction',
  'award_act.sign',
  'payment.order',
] as const;
export type ActKind = (typeof ACT_KINDS)[number];

/** The kinds that are decisions on a dossier (the others belong to the spending chain). */
export const DECISION_ACT_KINDS: readonly ActKind[] = ['decision.validate', 'decision.reject', 'decision.return_to_instruction'];

/** How a sentence names the act (« … ne couvre pas la validation d’un projet »). */
export const ACT_KIND_LABELS: Readonly<Record<ActKind, string>> = {
  'decision.validate': 'la validation d’un projet',
  'decision.reject': 'le rejet d’un projet',
  'decision.return_to_instruction': 'le renvoi d’un dossier à l’instruction',
  'award_act.sign': 'la signature d’un acte attributif',
  'payment.order': 'l’ordre de payer',
};

export type DecisionCommandName = 'validate' | 'reject' | 'return_to_instruction';

const KIND_OF_DECISION: Readonly<Record<DecisionCommandName, ActKind>> = {
  validate: 'decision.validate',
  reject: 'decision.reject',
  return_to_instruction: 'decision.return_to_instruction',
};

/** The act kind a decision command signs ('validate' → 'decision.validate'). */
export function actKindOfDecision(command: DecisionCommandName): ActKind {
  return KIND_OF_DECISION[command];
}

export function isActKind(value: unknown): value is ActKind {
  return typeof value === 'string' && (ACT_KINDS as readonly string[]).includes(value);
}
