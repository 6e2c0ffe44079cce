import type { DomainEvent } from '#kernel';
import type { ProjectParties } from './conflicts.js';
import type {
  Abstention,
  MemberCapacity,
  Minutes,
  Proposal,
  QuorumRule,
  SessionKind,
  SessionProgram,
  VoteChoice,
} from './session.state.js';

type Of<Type extends string, Data> = DomainEvent<Type, { sessionId: string } & Data>;

/** Stable event types of a session stream (`committee-session-<id>`); people by their directory id only. */
export type SessionScheduled = Of<
  'committee.session_scheduled',
  { kind: SessionKind; program: SessionProgram; territory: string; date: string; quorum: QuorumRule }
>;
export type MemberSeated = Of<'committee.member_seated', { personId: string; capacity: MemberCapacity }>;
export type ItemAdded = Of<'committee.item_added', { projectId: string; parties: ProjectParties }>;
export type AbstentionRecorded = Of<'committee.abstention_recorded', { projectId: string } & Abstention>;
export type VoteCast = Of<'committee.vote_cast', { projectId: string; personId: string; vote: VoteChoice }>;
export type ProposalRecorded = Of<'committee.proposal_recorded', { projectId: string } & Proposal>;
export type ItemPostponed = Of<'committee.item_postponed', { projectId: string; reason: string }>;
export type MinutesRecorded = Of<'committee.minutes_recorded', Minutes>;
export type SessionClosed = Of<'committee.session_closed', { closedOn: string }>;

export type SessionEvent =
  | SessionScheduled
  | MemberSeated
  | ItemAdded
  | AbstentionRecorded
  | VoteCast
  | ProposalRecorded
  | ItemPostponed
  | MinutesRecorded
  | SessionClosed;

export const SESSION_EVENT_TYPES: readonly SessionEvent['type'][] = [
  'committee.session_scheduled',
  'committee.member_seated',
  'committee.item_added',
  'committee.abstention_recorded',
  'committee.vote_cast',
  'committee.proposal_recorded',
  'committee.item_postponed',
  'committee.minutes_recorded',
  'committee.session_closed',
];
