import { Body, Controller, Delete, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { directoryWriteResponse } from '../directory-written.js';
import { organisationIdPipe, personIdPipe } from '../person-id.pipe.js';
import { ChangeMembership } from './change-membership.command.js';

export class AddMemberRequest {
  @ApiProperty({ example: 'person-0002', description: 'the person’s directory id (their token’s subject)' })
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/)
  personId!: string;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationMembersHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':organisationId/members')
  @HttpCode(201)
  @Roles('holder', 'validator', 'admin')
  @ApiOperation({ summary: 'Add a person acting on the organisation’s behalf (a member, or a service of its territory, does it)' })
  async add(
    @Param('organisationId', organisationIdPipe()) organisationId: string,
    @Body() body: AddMemberRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const written = await this.commands.execute(new ChangeMembership('add', organisationId, body.personId, commandMetaOf(req, actor)));
    return directoryWriteResponse(reply, written, 'organisationId');
  }

  @Delete(':organisationId/members/:personId')
  @HttpCode(200)
  @Roles('holder', 'validator', 'admin')
  @ApiOperation({ summary: 'Remove a member: from the next request on, they no longer act for the organisation' })
  async remove(
    @Param('organisationId', organisationIdPipe()) organisationId: string,
    @Param('personId', personIdPipe()) personId: string,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const written = await this.commands.execute(new ChangeMembership('remove', organisationId, personId, commandMetaOf(req, actor)));
    return directoryWriteResponse(reply, written, 'organisationId');
  }
}
