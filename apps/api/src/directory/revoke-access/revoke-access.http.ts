import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { directoryWriteResponse } from '../directory-written.js';
import { personIdPipe } from '../person-id.pipe.js';
import { RevokeAccess } from './revoke-access.command.js';

export class RevokeAccessRequest {
  @ApiProperty({ example: 'validator;academies=12', description: 'the grant’s id, as GET /people/:id/grants lists it' })
  @IsString()
  @Length(1, 300)
  grantId!: string;
  @ApiProperty({ example: 'Mutation dans une autre académie au 1er septembre', description: 'why' })
  @IsString()
  @Length(3, 1000)
  reason!: string;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('people')
export class RevokeAccessHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':personId/grants/revoke')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Withdraw a habilitation; effective at once, whatever tokens the person holds' })
  async revoke(
    @Param('personId', personIdPipe()) personId: string,
    @Body() body: RevokeAccessRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const written = await this.commands.execute(new RevokeAccess(personId, body.grantId, body.reason, commandMetaOf(req, actor)));
    return directoryWriteResponse(reply, written, 'personId');
  }
}
