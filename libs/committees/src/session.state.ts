import type { ProjectParties, PartyRole } from './conflicts.js';
import type { LinkNature } from './interest.events.js';

export type SessionKind = 'commission_academique' | 'commission_departementale' | 'cts';
export const SESSION_KINDS: readonly SessionKind[] = ['commission_academique', 'commission_departementale', 'cts'];
export type SessionProgram = 'education' | 'health';

/** The capacity in which a member sits, with its French label. */
export const MEMBER_CAPACITIES = {
  president: 'Président de séance',
  ien: 'Inspecteur de l’Éducation nationale',
  chef_etablissement: 'Chef d’établissement',
  representant_collectivite: 'Représentant d’une collectivité',
  representant_parents: 'Représentant des parents d’élèves',
  personnalite_qualifiee: 'Personnalité qualifiée',
  representant_ars: 'Représentant de l’ARS',
  membre_cts: 'Membre du conseil territorial de santé',
} as const;
export type MemberCapacity = keyof typeof MEMBER_CAPACITIES;

/**
 * How many members must vote (favourable or unfavourable) on an item for a proposal to be recorded. Abstentions, whether
 * a member's own or recorded for a conflict of interest, never count. `share_of_seated`: `percent` of the seated members,
 * rounded up (50 = at least half of the seated members vote on the item); `minimum_voting`: a fixed number.
 */
export type QuorumRule = { kind: 'share_of_seated'; percent: number } | { kind: 'minimum_voting'; count: number };
export const DEFAULT_QUORUM: QuorumRule = { kind: 'share_of_seated', percent: 50 };

/** The project states from which a project can be put on an agenda (its analysis done). */
export const AGENDA_READY_STATES: readonly string[] = ['analysed', 'cts_review'];

export type VoteChoice = 'favourable' | 'unfavourable' | 'abstain';
export const VOTE_CHOICES: readonly VoteChoice[] = ['favourable', 'unfavourable', 'abstain'];
export type ProposalOutcome = 'favourable' | 'unfavourable' | 'to_complete';
export const PROPOSAL_OUTCOMES: readonly ProposalOutcome[] = ['favourable', 'unfavourable', 'to_complete'];

export interface SeatedMember {
  personId: string;
  capacity: MemberCapacity;
}

/** A member's abstention on an item for a declared link to one of the project's parties. */
export interface Abstention {
  personId: string;
  link: { organisationId: string; nature: LinkNature };
  party: PartyRole;
  partyOrganisationId: string;
}

export interface Tally {
  favourable: number;
  unfavourable: number;
  abstain: number;
  /** Members abstaining for a conflict of interest. */
  conflicted: number;
  /** What the quorum rule required of voting members. */
  required: number;
}

export interface Proposal {
  outcome: ProposalOutcome;
  proposedAmountCents?: number;
  reason: string;
  tally: Tally;
}

export interface AgendaItem {
  projectId: string;
  parties: ProjectParties;
  abstentions: readonly Abstention[];
  votes: readonly { personId: string; vote: VoteChoice }[];
  proposal?: Proposal;
  postponed?: { reason: string };
}

export interface Minutes {
  text?: string;
  reference?: string;
}

export interface ScheduledSession {
  scheduled: true;
  sessionId: string;
  kind: SessionKind;
  program: SessionProgram;
  /** An académie code (commission académique), a département code (départementale), a CTS or région code (CTS). */
  territory: string;
  /** ISO day. */
  date: string;
  quorum: QuorumRule;
  members: readonly SeatedMember[];
  items: readonly AgendaItem[];
  minutes?: Minutes;
  closed: boolean;
}

export type SessionState = { scheduled: false } | ScheduledSession;

export const initialSessionState = (): SessionState => ({ scheduled: false });

export const sessionStreamId = (sessionId: string) => `committee-session-${sessionId}`;

/** The proposal a session recorded for a project, if any. */
export function proposalFor(state: SessionState, projectId: string): Proposal | undefined {
  return state.scheduled ? state.items.find((i) => i.projectId === projectId)?.proposal : undefined;
}
