import { Body, Controller, HttpCode, Inject, Param, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Payee } from '#directory';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { directoryWriteResponse } from '../directory-written.js';
import { organisationIdPipe } from '../person-id.pipe.js';
import { SetPayee } from './set-payee.command.js';

export class SetPayeeRequest {
  @ApiProperty({ enum: ['self', 'paying_organisation'], example: 'paying_organisation' })
  @IsIn(['self', 'paying_organisation'])
  kind!: Payee['kind'];
  @ApiPropertyOptional({ example: '21550029900015', description: 'kind self: the SIRET' })
  @ValidateIf((o: SetPayeeRequest) => o.kind === 'self')
  @IsString()
  @Length(14, 20)
  siret?: string;
  @ApiPropertyOptional({ example: 'FR7630006000011234567890189', description: 'kind self: the IBAN' })
  @ValidateIf((o: SetPayeeRequest) => o.kind === 'self')
  @IsString()
  @Length(15, 42)
  iban?: string;
  @ApiPropertyOptional({ example: '21550029900015', description: 'kind paying_organisation: the paying body’s id' })
  @ValidateIf((o: SetPayeeRequest) => o.kind === 'paying_organisation')
  @IsString()
  @Length(8, 14)
  organisationId?: string;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('organisations')
export class SetPayeeHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Put(':organisationId/payee')
  @HttpCode(200)
  @Roles('holder', 'validator', 'admin')
  @ApiOperation({ summary: 'Set who receives the money: the body itself (SIRET, IBAN) or its paying organisation' })
  async set(
    @Param('organisationId', organisationIdPipe()) organisationId: string,
    @Body() body: SetPayeeRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const payee: Payee =
      body.kind === 'self'
        ? { kind: 'self', siret: body.siret!, iban: body.iban! }
        : { kind: 'paying_organisation', organisationId: (body.organisationId ?? '').toUpperCase() };
    const written = await this.commands.execute(new SetPayee(organisationId, payee, commandMetaOf(req, actor)));
    return directoryWriteResponse(reply, written, 'organisationId');
  }
}
