import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import type { CommandMeta } from '#kernel';
import {
  PROJECT_WORKFLOW_CODES,
  type ProjectCommand,
  SIGNATURE_INPUT,
  SIGNED_DECISIONS,
  type SignedDecision,
  projectEvolution,
  streamIdOf,
  subjectOf,
} from '#projects';
import { WorkflowRegistry, accessDenial } from '#workflow';
import { ProjectCommandRunner } from '../project-command.runner.js';
import type { ProjectWritten } from '../project-written.js';
import { DecisionSigning } from '../sign-decision/decision-signing.js';
import { ProjectSettlement } from '../close/project-settlement.js';
import { RunProjectTransition, type TransitionInput } from './run-transition.command.js';

@CommandHandler(RunProjectTransition)
export class RunProjectTransitionHandler implements ICommandHandler<RunProjectTransition> {
  constructor(
    @Inject(ProjectCommandRunner) private readonly projects: ProjectCommandRunner,
    @Inject(DecisionSigning) private readonly signing: DecisionSigning,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
    @Inject(ProjectSettlement) private readonly settlement: ProjectSettlement,
  ) {}

  async execute({ projectId, transition, meta, at }: RunProjectTransition): Promise<ProjectWritten> {
    // Settlement is told to whom the workflow lets close (finance); anyone else gets the workflow's own refusal.
    if (transition.type === 'close' && meta.principal.role === 'finance') await this.settlement.assertSettled(projectId);
    const signed = await this.signed(projectId, transition, meta, at ?? this.projects.now());
    const { type, ...inputs } = transition;
    return this.projects.run(projectId, `project.${type}`, inputs, meta, (ctx) => ({ ...signed, projectId, ctx }) as ProjectCommand, at);
  }

  /** A decision the project's workflow has signed (v2) gets its signature, checked before anything is written. */
  private async signed(projectId: string, transition: TransitionInput, meta: CommandMeta, now: Date): Promise<TransitionInput> {
    if (!(SIGNED_DECISIONS as readonly string[]).includes(transition.type)) return transition;
    const history = await this.store.readStream(streamIdOf(projectId));
    const project = foldRecorded(projectEvolution, history);
    if (!project.exists) return transition;
    const definition = this.registry.get(project.program, project.workflow.definition.version);
    const step = definition.transitions.find((t) => t.command === transition.type && t.from.includes(project.status));
    const actsAsSignatory = meta.principal.role === 'decider' && step?.roles.includes('decider');
    if (!actsAsSignatory || !step?.inputs?.some((i) => i.name === SIGNATURE_INPUT.name)) return transition;
    // Out of the program's territory for deciders, the workflow's refusal comes first (as it would without a signature).
    const denied = accessDenial(definition.access, meta.principal, subjectOf(project), PROJECT_WORKFLOW_CODES);
    if (denied) throw denied;
    const { sessionId, departureReason, ...rest } = transition as TransitionInput & { sessionId?: string; departureReason?: string };
    const grantedAmountCents = 'grantedAmountCents' in rest ? rest.grantedAmountCents : undefined;
    const signature = await this.signing.sign(project, history, meta.principal, now, {
      decision: transition.type as SignedDecision,
      ...(sessionId ? { sessionId } : {}),
      ...(departureReason ? { departureReason } : {}),
      ...(grantedAmountCents === undefined ? {} : { grantedAmountCents }),
    });
    return { ...rest, signature } as TransitionInput;
  }
}
