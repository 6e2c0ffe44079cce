import {
  Body,
  Controller,
  type ExecutionContext,
  HttpCode,
  Inject,
  Param,
  Post,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '#auth';
import { type Actor, invalid } from '#kernel';
import { envelopeId as buildEnvelopeId, envelopeStreamId } from '#funding';
import { assertCanManage } from './envelope-access.js';
import { EnvelopeCommands } from './envelope-commands.service.js';
import { writeResponse } from './envelope-response.js';
import {
  AllocateRequest,
  NotifyRequest,
  ReduceRequest,
  SetSplitRequest,
  TransferRequest,
} from './requests/credit-operations.request.dto.js';
import type { EnvelopeRequest } from './requests/envelope-order.js';
import { OpenEnvelopeRequest } from './requests/open-envelope.request.dto.js';
import {
  CloseYearRequest,
  CommitRequest,
  PayRequest,
  RecoverRequest,
  ReleaseRequest,
  ServiceDoneRequest,
} from './requests/spending-operations.request.dto.js';

const OPERATIONS = [
  'notify',
  'reduce',
  'split',
  'allocate',
  'transfer',
  'commit',
  'release',
  'service-done',
  'pay',
  'recover',
  'close-year',
];
const KEY_HEADER = {
  name: 'Idempotency-Key',
  required: true,
  description: 'required: a retry with the same key returns the first outcome and writes nothing',
};
const AMOUNTS = 'Amounts are euros as decimal strings ("12500.00", at most 2 decimals); a JSON number in an amount field is refused (400).';

interface OperationCall {
  actor: Actor;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Who calls, the request (headers) and the reply (ETag, X-Position): what every operation's shell needs. */
const Call = createParamDecorator((_: unknown, context: ExecutionContext): OperationCall => {
  const http = context.switchToHttp();
  const request = http.getRequest<FastifyRequest & { actor: Actor }>();
  return { actor: request.actor, request, reply: http.getResponse<FastifyReply>() };
});

/** One route per operation, `POST /envelopes/:id/<operation>`, its body documented by its own DTO. */
function Operation(operation: string, summary: string) {
  return applyDecorators(
    Post(`:id/${operation}`),
    HttpCode(200),
    Roles('finance', 'admin'),
    ApiOperation({ summary: `${summary}. ${AMOUNTS}`, operationId: `envelope-${operation}` }),
    ApiHeader(KEY_HEADER),
    ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) the caller saw: stale → 412' }),
  );
}

@ApiTags('envelopes')
@ApiBearerAuth()
@Controller('envelopes')
export class EnvelopeOperationsHttp {
  constructor(@Inject(EnvelopeCommands) private readonly commands: EnvelopeCommands) {}

  @Post()
  @HttpCode(201)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: `Open an envelope: fund, territory, one year or a period, parent, ceiling, carry-over rule, split. ${AMOUNTS}` })
  @ApiHeader(KEY_HEADER)
  async open(@Body() body: OpenEnvelopeRequest, @Call() { actor, request, reply }: OperationCall) {
    this.commands.requestIdOf(request);
    const order = body.toOrder();
    const id = buildEnvelopeId(order.fund, order.territoryCode, order.period);
    assertCanManage(actor, id);
    return writeResponse(reply, await this.commands.run(request, actor, id, order));
  }

  @Operation('notify', 'Notify the credits of the current year (first notification) or increase them')
  notify(@Param('id') id: string, @Body() body: NotifyRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  @Operation('reduce', 'Reduce the credits of the current year (within what is notified and still available)')
  reduce(@Param('id') id: string, @Body() body: ReduceRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  @Operation('split', 'Set, change or remove the indicative split of the AE over keys (e.g. the CTS of an ARS)')
  split(@Param('id') id: string, @Body() body: SetSplitRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  @Operation('allocate', 'Allocate AE and CP to a child envelope (written on both envelopes, once)')
  allocate(@Param('id') id: string, @Body() body: AllocateRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  @Operation('transfer', 'Transfer AE and CP to a sibling envelope (same parent; written on both, once)')
  transfer(@Param('id') id: string, @Body() body: TransferRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  @Operation('commit', 'Record a legal commitment (engagement juridique) for a project: consumes AE')
  commit(@Param('id') id: string, @Body() body: CommitRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  @Operation('release', 'Release the unused part of a commitment (désengagement): restores AE')
  release(@Param('id') id: string, @Body() body: ReleaseRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  @Operation('service-done', 'Certify service done (service fait) on a commitment: makes that much payable')
  serviceDone(@Param('id') id: string, @Body() body: ServiceDoneRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  @Operation('pay', 'Pay an instalment of a commitment: consumes CP of the current year')
  pay(@Param('id') id: string, @Body() body: PayRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  @Operation('recover', 'Record a reversement (recovery order): restores CP of the current year')
  recover(@Param('id') id: string, @Body() body: RecoverRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  @Operation('close-year', "Close the current exercise, carrying unused credits by the envelope's rule")
  closeYear(@Param('id') id: string, @Body() body: CloseYearRequest, @Call() call: OperationCall) {
    return this.operate(id, body, call);
  }

  /** Any other operation: a coded 400 naming the known ones (not a bare 404). */
  @Post(':id/:operation')
  @Roles('finance', 'admin')
  @ApiExcludeEndpoint()
  unknown(@Param('operation') operation: string): never {
    throw invalid('ENVELOPE_UNKNOWN_OPERATION', 'operation', `one of ${OPERATIONS.join(', ')}`, { operation });
  }

  private async operate(id: string, body: EnvelopeRequest, { actor, request, reply }: OperationCall) {
    envelopeStreamId(id);
    this.commands.requestIdOf(request);
    assertCanManage(actor, id);
    return writeResponse(reply, await this.commands.run(request, actor, id, body.toOrder()));
  }
}
