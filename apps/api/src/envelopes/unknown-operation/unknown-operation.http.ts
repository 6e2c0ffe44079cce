import { Controller, Param, Post } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { Roles } from '#auth';
import { invalid } from '#kernel';
import { OPERATIONS } from '../envelope-operation.route.js';

/** Any other `POST /envelopes/:id/<operation>`: a coded 400 naming the known ones (not a bare 404). */
@Controller('envelopes')
export class UnknownEnvelopeOperationHttp {
  @Post(':id/:operation')
  @Roles('finance', 'admin')
  @ApiExcludeEndpoint()
  unknown(@Param('operation') operation: string): never {
    throw invalid('ENVELOPE_UNKNOWN_OPERATION', 'operation', `one of ${OPERATIONS.join(', ')}`, { operation });
  }
}
