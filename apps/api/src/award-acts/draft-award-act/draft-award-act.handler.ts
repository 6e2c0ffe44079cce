import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import { assertCanDraftAwardAct } from '#awards';
import { parseEnvelopeId } from '#funding';
import { exerciseYearOf } from '#processes';
import { APP_CONFIG } from '../../infrastructure/tokens.js';
import type { AppConfig } from '../../config/app.config.js';
import { AwardActCommandRunner, type AwardActWritten } from '../award-act-command.runner.js';
import { AwardActEnvelopes } from '../award-act-envelopes.js';
import { AwardActPayeeResolver } from '../award-act-payee.js';
import { AwardActReader, validatedAt } from '../award-act.reader.js';
import { DraftAwardAct } from './draft-award-act.command.js';

/**
 * Reads what the draft needs (the signed decision, the payee from the directory, the envelopes covering the project's
 * fund, territory and exercise), then runs the act's decider. Without an envelope named, the proposed match is used.
 */
@CommandHandler(DraftAwardAct)
export class DraftAwardActHandler implements ICommandHandler<DraftAwardAct> {
  constructor(
    @Inject(AwardActCommandRunner) private readonly acts: AwardActCommandRunner,
    @Inject(AwardActReader) private readonly reader: AwardActReader,
    @Inject(AwardActEnvelopes) private readonly envelopes: AwardActEnvelopes,
    @Inject(AwardActPayeeResolver) private readonly payees: AwardActPayeeResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ projectId, draft, meta }: DraftAwardAct): Promise<AwardActWritten> {
    const now = this.acts.now();
    // The role first (a 403 before anything about the project is told); the territory once the envelope is known.
    if (meta.principal.role !== 'finance' && meta.principal.role !== 'admin') assertCanDraftAwardAct(meta.principal, '');
    const { project, history } = await this.reader.project(projectId);
    const decisionYear = exerciseYearOf(validatedAt(history) ?? now.toISOString());
    const exercise = draft.exercises?.first ?? decisionYear;
    const candidates = await this.envelopes.candidates(project, exercise);
    const envelopeId = draft.envelopeId ?? candidates[0]?.envelopeId;
    if (!envelopeId || !candidates.some((c) => c.envelopeId === envelopeId)) {
      throw new DomainError(
        'conflict',
        'AWARD_ACT_ENVELOPE_NOT_COVERING',
        draft.envelopeId
          ? `L’enveloppe ${draft.envelopeId} ne couvre pas ce projet pour l’exercice ${exercise} (fonds, territoire ou période).`
          : `Aucune enveloppe ouverte ne couvre ce projet pour l’exercice ${exercise}.`,
        { field: 'envelopeId', rule: 'an-envelope-covering-the-project', exercise, candidates: candidates.map((c) => c.envelopeId) },
      );
    }
    assertCanDraftAwardAct(meta.principal, envelopeId);
    const payee = await this.payees.of(project.content.holder.organisationId, draft.payeeLegalStatus);
    const { payeeLegalStatus: _stated, envelopeId: _chosen, ...fields } = draft;
    return this.acts.run(
      projectId,
      'award_act.draft',
      draft,
      meta,
      (ctx) => ({
        type: 'DraftAwardAct',
        projectId,
        envelopeId,
        ...fields,
        facts: {
          projectStatus: project.status,
          decidedAmountCents: project.grantedAmountCents ?? 0,
          beneficiaryId: project.content.holder.organisationId,
          payee,
          envelopePeriod: parseEnvelopeId(envelopeId)!.period,
          decisionYear,
          rule: this.config.conventionRule,
        },
        ctx,
      }),
      now,
    );
  }
}
