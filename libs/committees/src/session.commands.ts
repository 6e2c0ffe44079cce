import type { CommandContext } from '#kernel';
import type { ProjectParties } from './conflicts.js';
import type { InterestLink } from './interest.events.js';
import type { MemberCapacity, ProposalOutcome, QuorumRule, SessionKind, SessionProgram, VoteChoice } from './session.state.js';

/**
 * The links each person concerned has declared, as the handler read them just before the command (their interests
 * streams): the conflict rule uses the links in force now, so that a link declared after seating counts.
 */
export type DeclaredInterests = Readonly<Record<string, readonly InterestLink[]>>;

/** What the session needs of a project put on its agenda, as the handler read it from the project's stream. */
export interface AgendaProject {
  projectId: string;
  program: string;
  status: string;
  territory: { region: string; departement: string; academie?: string; cts?: string };
  parties: ProjectParties;
}

interface Base {
  sessionId: string;
  ctx: CommandContext;
}

export type ScheduleSession = Base & {
  type: 'ScheduleSession';
  kind: SessionKind;
  program: SessionProgram;
  territory: string;
  date: string;
  quorum?: QuorumRule;
};
export type SeatMember = Base & { type: 'SeatMember'; personId: string; capacity: MemberCapacity; interests: DeclaredInterests };
export type AddToAgenda = Base & { type: 'AddToAgenda'; project: AgendaProject; interests: DeclaredInterests };
/** The voter is the actor: a seated member votes for themselves. */
export type CastVote = Base & { type: 'CastVote'; projectId: string; vote: VoteChoice; interests: DeclaredInterests };
export type RecordProposal = Base & {
  type: 'RecordProposal';
  projectId: string;
  outcome: ProposalOutcome;
  proposedAmountCents?: number;
  reason: string;
  interests: DeclaredInterests;
};
export type PostponeItem = Base & { type: 'PostponeItem'; projectId: string; reason: string };
export type RecordMinutes = Base & { type: 'RecordMinutes'; text?: string; reference?: string };
export type CloseSession = Base & { type: 'CloseSession' };

export type SessionCommand =
  ScheduleSession | SeatMember | AddToAgenda | CastVote | RecordProposal | PostponeItem | RecordMinutes | CloseSession;
