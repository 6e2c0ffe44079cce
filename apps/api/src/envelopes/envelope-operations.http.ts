import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import { type Actor, invalid } from '#kernel';
import { envelopeId as buildEnvelopeId, envelopeStreamId } from '#funding';
import { assertCanManage } from './envelope-access.js';
import { EnvelopeCommands } from './envelope-commands.service.js';
import { OPEN_FIELDS, OPERATIONS, checkBody, isOperation, openCommand, operationCommand } from './envelope-request.js';
import { writeResponse } from './envelope-response.js';

const KEY_HEADER = {
  name: 'Idempotency-Key',
  required: true,
  description: 'required: a retry with the same key returns the first outcome and writes nothing',
};
const AMOUNTS =
  'Amounts (ae, cp, amount, ceiling, split shares): integer cents (JSON number) or decimal euros as a string ("12500.00"); ' +
  'a JSON number with a fraction is refused (400).';

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class EnvelopeOperationsHttp {
  constructor(@Inject(EnvelopeCommands) private readonly commands: EnvelopeCommands) {}

  @Post()
  @Roles('finance', 'admin')
  @ApiOperation({ summary: `Open an envelope (fund, territoryCode, year or period, parentId, ceiling, carryOver, split). ${AMOUNTS}` })
  @ApiHeader(KEY_HEADER)
  @ApiBody({
    schema: {
      type: 'object',
      example: { fund: 'fip', territoryCode: 'academie-12', year: 2023, label: 'FIP académie de Nancy-Metz 2023' },
    },
  })
  async open(
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.commands.requestIdOf(req);
    const order = openCommand(checkBody(body, OPEN_FIELDS));
    const id = buildEnvelopeId(order.fund, order.territoryCode, order.period);
    assertCanManage(actor, id);
    const write = await this.commands.run(req, actor, id, order);
    reply.status(201);
    return writeResponse(reply, write);
  }

  @Post(':id/:operation')
  @HttpCode(200)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: `Run an operation on an envelope: ${Object.keys(OPERATIONS).join(', ')}. ${AMOUNTS}` })
  @ApiParam({ name: 'operation', enum: Object.keys(OPERATIONS) })
  @ApiHeader(KEY_HEADER)
  @ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) the caller saw: stale → 412' })
  @ApiBody({ schema: { type: 'object', example: { commitmentRef: 'EJ-2023-0001', projectId: '…', amount: '12500.00' } } })
  async operate(
    @Param('id') id: string,
    @Param('operation') operation: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!isOperation(operation))
      throw invalid('ENVELOPE_UNKNOWN_OPERATION', 'operation', `one of ${Object.keys(OPERATIONS).join(', ')}`, { operation });
    envelopeStreamId(id);
    this.commands.requestIdOf(req);
    assertCanManage(actor, id);
    const order = operationCommand(operation, checkBody(body, OPERATIONS[operation]));
    return writeResponse(reply, await this.commands.run(req, actor, id, order));
  }
}
