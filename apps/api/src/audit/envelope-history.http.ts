import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '#auth';
import { type Actor, DomainError } from '#kernel';
import { EVENT_STORE, type EventStore } from '#event-store';
import { envelopeStreamId } from '#funding';
import { canSeeEnvelope, envelopeName } from '#audit';
import { type HistoryQuery, historyPage } from './history-page.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('envelopes')
export class EnvelopeHistoryHttp {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/history')
  @ApiOperation({
    summary: "An envelope's every event (credits, commitments, payments…): who, role, territory, when, why, position, hash, French summary",
  })
  @ApiQuery({ name: 'from', required: false, description: 'first revision (paging)' })
  @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 1000' })
  async history(@Param('id') id: string, @Query() query: HistoryQuery, @CurrentActor() actor: Actor) {
    const streamId = envelopeStreamId(id);
    if (!canSeeEnvelope(actor, id)) {
      throw new DomainError('forbidden', 'ENVELOPE_OUT_OF_SCOPE', `envelope ${id} is outside your territory`, {
        envelopeId: id,
        role: actor.role,
      });
    }
    const history = await this.store.readStream(streamId);
    if (history.length === 0) throw new DomainError('not_found', 'ENVELOPE_NOT_FOUND', `envelope ${id} does not exist`, { envelopeId: id });
    return { envelopeId: id, name: envelopeName(id), ...historyPage(streamId, history, query) };
  }
}
