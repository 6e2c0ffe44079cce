import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { assertCanDraftAwardAct, canReadAwardAct } from '#awards';
import { toDecimalString } from '#funding';
import { DomainError } from '#kernel';
import { exerciseYearOf } from '#processes';
import { CLOCK, type Clock } from '../../infrastructure/tokens.js';
import { AwardActEnvelopes } from '../award-act-envelopes.js';
import { AwardActReader, validatedAt } from '../award-act.reader.js';
import { type AwardActView, awardActView } from '../award-act.view.js';
import { type EnvelopeProposal, GetAwardAct, ProposeAwardActEnvelopes } from './get-award-act.query.js';

@QueryHandler(GetAwardAct)
export class GetAwardActHandler implements IQueryHandler<GetAwardAct> {
  constructor(@Inject(AwardActReader) private readonly reader: AwardActReader) {}

  async execute({ projectId, principal }: GetAwardAct): Promise<AwardActView> {
    const { state, revision } = await this.reader.state(projectId);
    const act = state.act;
    // Someone who may not read it learns nothing, not even that it exists.
    if (!act || !canReadAwardAct(principal, act)) {
      throw new DomainError('not_found', 'AWARD_ACT_NOT_FOUND', `Le projet ${projectId} n’a pas d’acte attributif.`, { projectId });
    }
    return awardActView(act, revision);
  }
}

@QueryHandler(ProposeAwardActEnvelopes)
export class ProposeAwardActEnvelopesHandler implements IQueryHandler<ProposeAwardActEnvelopes> {
  constructor(
    @Inject(AwardActReader) private readonly reader: AwardActReader,
    @Inject(AwardActEnvelopes) private readonly envelopes: AwardActEnvelopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectId, exercise, principal }: ProposeAwardActEnvelopes): Promise<EnvelopeProposal> {
    if (principal.role !== 'finance' && principal.role !== 'admin') assertCanDraftAwardAct(principal, '');
    const { project, history } = await this.reader.project(projectId);
    const year = exercise ?? exerciseYearOf(validatedAt(history) ?? this.clock.now().toISOString());
    const candidates = (await this.envelopes.candidates(project, year)).map(({ aeAvailableCents, ...c }) => ({
      ...c,
      aeAvailable: toDecimalString(aeAvailableCents),
    }));
    return { exercise: year, proposed: candidates[0]?.envelopeId ?? null, candidates };
  }
}
