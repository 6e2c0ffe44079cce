import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { directoryWriteResponse } from '../directory-written.js';
import { RegisterOrganisation } from './register-organisation.command.js';
import { RegisterOrganisationRequest } from './register-organisation.request.dto.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('organisations')
export class RegisterOrganisationHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('holder', 'validator', 'admin')
  @ApiOperation({ summary: 'Register an organisation (school, association, collectivité, health body) under its official identifier' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first outcome' })
  async register(
    @Body() body: RegisterOrganisationRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const organisation = {
      kind: body.kind,
      identifier: {
        scheme: body.identifier.scheme,
        value: body.identifier.value,
        ...(body.identifier.fictitious ? { fictitious: true as const } : {}),
      },
      name: body.name,
      communeCode: body.communeCode,
      departementCode: body.departementCode,
    };
    const written = await this.commands.execute(new RegisterOrganisation(organisation, commandMetaOf(req, actor)));
    reply.header('Location', `/organisations/${written.id}`);
    return directoryWriteResponse(reply, written, 'organisationId');
  }
}
