import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import { type Actor, DomainError, invalid } from '#kernel';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { asOfLabel, canSeeEnvelope, envelopeAsOf, parseAsOf } from '#audit';
import { FUNDS, envelopeBalance, envelopeDecider, envelopeStreamId } from '#funding';
import { EnvelopeBalanceQueries } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { assertCanRead } from './envelope-access.js';
import { balanceView, commitmentsView } from './envelope-response.js';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class GetEnvelopesHttp {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EnvelopeBalanceQueries) private readonly envelopes: EnvelopeBalanceQueries,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary:
      'An envelope folded from its stream: AE and CP (notified, allocated, committed, paid, recovered, available…) ' +
      'in total and per year, commitments; revision as ETag',
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'ISO 8601 date-time or log position: the envelope as it was then, folded from the log (no ETag)',
  })
  async get(
    @Param('id') id: string,
    @Query('asOf') asOfRaw: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const streamId = envelopeStreamId(id);
    assertCanRead(actor, id);
    if (asOfRaw !== undefined) {
      const asOf = parseAsOf(asOfRaw);
      const then = await envelopeAsOf(this.store, id, asOf);
      if (!then.balance) {
        throw new DomainError('not_found', 'ENVELOPE_NOT_FOUND_AS_OF', `envelope ${id} was not open yet at ${asOfLabel(asOf)}`, {
          envelopeId: id,
          asOf: asOfLabel(asOf),
        });
      }
      return {
        ...balanceView(then.balance),
        commitmentList: commitmentsView(then.state),
        revision: then.revision.toString(),
        position: then.position.toString(),
        asOf: asOfLabel(asOf),
      };
    }
    const history = await this.store.readStream(streamId);
    const state = foldRecorded(envelopeDecider, history);
    const balance = envelopeBalance(state);
    if (!balance) throw new DomainError('not_found', 'ENVELOPE_NOT_FOUND', `envelope ${id} does not exist`, { envelopeId: id });
    const last = history[history.length - 1]!;
    reply.header('ETag', `"${last.revision}"`);
    return {
      ...balanceView(balance),
      commitmentList: commitmentsView(state),
      revision: last.revision.toString(),
      position: last.position.toString(),
    };
  }

  @Get()
  @ApiOperation({
    summary: 'Envelopes by fund, territory code and year (a year selects the envelopes whose period covers it), with their balances',
  })
  @ApiQuery({ name: 'fund', required: false, enum: FUNDS })
  @ApiQuery({ name: 'territory', required: false, description: 'territory code, e.g. academie-12, ars-44, national' })
  @ApiQuery({ name: 'year', required: false })
  @ApiQuery({ name: 'minPosition', required: false, description: 'wait (bounded) until the read models reach this position' })
  async list(@Query() query: Record<string, string | undefined>, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    for (const key of Object.keys(query)) {
      if (!['fund', 'territory', 'year', 'minPosition'].includes(key))
        throw invalid('VALIDATION_FAILED', key, 'unknown query parameter; allowed: fund, territory, year, minPosition');
    }
    const { fund, territory, year, minPosition } = query;
    if (fund !== undefined && !(FUNDS as readonly string[]).includes(fund))
      throw invalid('VALIDATION_FAILED', 'fund', `one of ${FUNDS.join(', ')}`);
    if (territory !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(territory))
      throw invalid('VALIDATION_FAILED', 'territory', 'a territory code such as academie-12');
    if (year !== undefined && !/^\d{4}$/.test(year)) throw invalid('VALIDATION_FAILED', 'year', 'a 4-digit year');
    await this.ryw.waitFor(req, { minPosition });
    const ids = this.envelopes.ids({ fund, territory, ...(year ? { year: Number(year) } : {}) }).filter((id) => canSeeEnvelope(actor, id));
    const envelopes = [];
    for (const id of ids) {
      const balance = envelopeBalance(foldRecorded(envelopeDecider, await this.store.readStream(envelopeStreamId(id))));
      if (!balance) continue;
      const view = balanceView(balance);
      envelopes.push(year ? { ...view, years: view.years.filter((y) => y.year === Number(year)) } : view);
    }
    return { count: envelopes.length, envelopes };
  }
}
