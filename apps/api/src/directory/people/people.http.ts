import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { personIdPipe } from '../person-id.pipe.js';
import { GetPerson } from './get-person.js';
import { ErasePerson, RecordPerson } from './record-person.js';

export class PersonRequest {
  @ApiProperty({ example: 'Claire Martin', description: 'the name shown to others (committees, signatures)' })
  @IsString()
  @Length(2, 200)
  displayName!: string;
  @ApiPropertyOptional({ example: 'ce.0550001c@ac-nancy-metz.fr' }) @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ example: '+33 3 29 00 00 00' }) @IsOptional() @Matches(/^\+?[0-9 .()-]{6,25}$/) phone?: string;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('people')
export class PeopleHttp {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Put(':personId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record or correct a person’s name and contact details (kept out of the log)' })
  record(
    @Param('personId', personIdPipe()) personId: string,
    @Body() body: PersonRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
  ) {
    const details = {
      displayName: body.displayName.trim(),
      ...(body.email ? { email: body.email } : {}),
      ...(body.phone ? { phone: body.phone } : {}),
    };
    return this.commands.execute(new RecordPerson(personId, details, commandMetaOf(req, actor)));
  }

  @Get(':personId')
  @ApiOperation({ summary: 'A person’s name; their contact details for themselves and administrators' })
  get(@Param('personId', personIdPipe()) personId: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetPerson(personId, actor));
  }

  @Delete(':personId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erase a person’s details at their request; the log names them by directory id only and stays intact' })
  erase(@Param('personId', personIdPipe()) personId: string, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.commands.execute(new ErasePerson(personId, commandMetaOf(req, actor)));
  }
}
