import { Inject, Injectable } from '@nestjs/common';
import {
  conflictingLinks,
  sessionEvolution,
  interestsEvolution,
  interestsStreamId,
  partiesOfProject,
  proposalFor,
  sessionStreamId,
} from '#committees';
import { EVENT_STORE, type EventStore, type RecordedEvent, foldRecorded } from '#event-store';
import { type Actor, DomainError, invalid } from '#kernel';
import { SignatoryAuthority } from './signing-authority.service.js';
import {
  type DecisionSignature,
  type Project,
  type ProposalFollowed,
  type SignedDecision,
  ctsParticipationOf,
  followsProposal,
} from '#projects';

export interface DecisionRequest {
  decision: SignedDecision;
  sessionId?: string;
  departureReason?: string;
  grantedAmountCents?: number;
}

/**
 * What a signature needs, checked before anything is written: the signatory's authority (own right or a delegation of
 * signature covering the act's kind, the project's territory and the day), no conflict of interest with the project's
 * parties, and the committee proposal the decision follows — or the reason it departs from it.
 */
@Injectable()
export class DecisionSigning {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SignatoryAuthority) private readonly authority: SignatoryAuthority,
  ) {}

  /** `history`: the project's stream as read for `project` (no second read). */
  async sign(
    project: Project,
    history: readonly RecordedEvent[],
    actor: Actor,
    now: Date,
    request: DecisionRequest,
  ): Promise<DecisionSignature> {
    const authority = await this.authority.of(project, actor, now, request.decision);
    await this.assertNoConflict(project, actor);
    const proposal = request.sessionId ? await this.proposal(project, history, request.sessionId) : undefined;
    const departureReason = this.departure(project, request, proposal);
    return {
      signatory: actor.id,
      capacity: authority.capacity,
      ...(authority.delegationId ? { delegationId: authority.delegationId } : {}),
      ...(authority.actReference ? { actReference: authority.actReference } : {}),
      ...(proposal ? { proposal } : {}),
      ...(departureReason ? { departureReason } : {}),
    };
  }

  /** Declared links, and the organisations the signatory acts for in the directory (a member of the holder is linked to it). */
  private async assertNoConflict(project: Project, actor: Actor): Promise<void> {
    const events = await this.store.readStream(interestsStreamId(actor.id));
    const state = foldRecorded(interestsEvolution, events);
    const memberships = (actor.organisations ?? []).map((organisationId) => ({
      organisationId,
      nature: 'employee' as const,
      declaredOn: '',
    }));
    const conflicts = conflictingLinks([...state.links, ...memberships], partiesOfProject(project));
    if (conflicts.length === 0) return;
    throw new DomainError(
      'conflict',
      'CONFLICT_OF_INTEREST',
      `Vous avez déclaré un lien avec ${conflicts.map((c) => c.organisationId).join(', ')}, partie au projet : ` +
        'vous ne pouvez pas signer cette décision (déport).',
      { links: conflicts.map((c) => ({ organisationId: c.organisationId, party: c.party, nature: c.link.nature })) },
    );
  }

  private async proposal(project: Project, history: readonly RecordedEvent[], sessionId: string): Promise<ProposalFollowed> {
    const recorded = await this.store.readStream(sessionStreamId(sessionId));
    const session = foldRecorded(sessionEvolution, recorded);
    const found = session.scheduled ? proposalFor(session, project.id) : undefined;
    this.assertProposalOfThisRound(project, sessionId, recorded, history);
    if (!session.scheduled || !found) {
      throw new DomainError(
        'conflict',
        'COMMITTEE_PROPOSAL_NOT_FOUND',
        `La séance ${sessionId} n’a pas fait de proposition sur ce projet.`,
        {
          sessionId,
          projectId: project.id,
        },
      );
    }
    return {
      sessionId,
      sessionKind: session.kind,
      sessionDate: session.date,
      outcome: found.outcome,
      ...(found.proposedAmountCents === undefined ? {} : { proposedAmountCents: found.proposedAmountCents }),
    };
  }

  /** A proposal made before the dossier went back to instruction was on another dossier: it cannot be cited after. */
  private assertProposalOfThisRound(
    project: Project,
    sessionId: string,
    recorded: readonly RecordedEvent[],
    history: readonly RecordedEvent[],
  ): void {
    const proposedAt = recorded.find(
      (e) => e.type === 'committee.proposal_recorded' && (e.data as { projectId?: string }).projectId === project.id,
    )?.position;
    const analysedAt = history.filter((e) => e.type === 'project.analysis_completed').at(-1)?.position;
    if (proposedAt === undefined || analysedAt === undefined || proposedAt > analysedAt) return;
    throw new DomainError(
      'conflict',
      'COMMITTEE_PROPOSAL_STALE',
      `La proposition de la séance ${sessionId} précède la dernière instruction du dossier : faites-le réexaminer.`,
      { sessionId, projectId: project.id },
    );
  }

  /** The reason a decision departs from the proposal, required when it does (or when there is none to follow). */
  private departure(project: Project, request: DecisionRequest, proposal: ProposalFollowed | undefined): string | undefined {
    const reason = request.departureReason?.trim();
    const selectedByCts = project.program === 'health' && ctsParticipationOf(project.content.territory.region) === 'selection';
    if (selectedByCts && request.decision === 'validate' && proposal?.sessionKind !== 'cts') {
      throw invalid('VALIDATION_FAILED', 'sessionId', 'cts-selection', {
        detail: 'Dans cette région, les conseils territoriaux de santé sélectionnent les actions : citez la séance du CTS.',
      });
    }
    const departs = !proposal || !followsProposal(request.decision, proposal, request.grantedAmountCents);
    const needed = departs && (project.program === 'education' || proposal !== undefined);
    if (needed && !reason) {
      throw invalid(
        'VALIDATION_FAILED',
        'departureReason',
        proposal ? 'required-when-departing-from-proposal' : 'required-without-proposal',
        {
          detail: proposal
            ? 'La décision s’écarte de la proposition de la commission : motivez cet écart (departureReason).'
            : 'Aucune proposition de commission n’est citée (sessionId) : motivez la décision prise sans elle (departureReason).',
        },
      );
    }
    return departs ? reason : undefined;
  }
}
