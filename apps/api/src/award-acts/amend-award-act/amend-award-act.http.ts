import { Body, Controller, HttpCode, Inject, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AMENDMENT_KINDS, type AmendmentKind } from '#awards';
import { CurrentActor, Roles } from '#auth';
import { parseAmount } from '#funding';
import type { Actor } from '#kernel';
import { IsEuroAmount, euroAmountDoc } from '../../http/amount.validators.js';
import { commandMetaOf } from '../../http/command-meta.js';
import { projectIdPipe } from '../../http/project-id.pipe.js';
import { awardActWriteResponse } from '../award-act-response.js';
import { AmendAwardAct, CountersignAwardActAmendment } from './amend-award-act.command.js';

export class AmendAwardActRequest {
  @ApiProperty({ enum: AMENDMENT_KINDS, example: 'increase' }) @IsIn([...AMENDMENT_KINDS]) kind!: AmendmentKind;
  @ApiPropertyOptional(euroAmountDoc('increase, reduction: the act’s new amount', '15000.00'))
  @IsOptional()
  @IsEuroAmount()
  amount?: string;
  @ApiPropertyOptional({ description: 'extension: the new last exercise', example: 2024 })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  lastExercise?: number;
  @ApiPropertyOptional({ description: 'extension: the report’s due day (default 30 June after the last exercise)', example: '2025-06-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  reportDueOn?: string;
  @ApiPropertyOptional({
    description: 'payee_change: the organisation paid from now on (its payee in the directory)',
    example: '21550029900015',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  payeeOrganisationId?: string;
  @ApiProperty({ example: 'Une classe de plus rejoint le projet' }) @IsString() @Length(3, 2000) reason!: string;
}

/** Amendments (avenants) of a signed award act: signed by the authority; a convention's by the beneficiary too. */
@ApiTags('award-acts')
@ApiBearerAuth()
@Controller('projects')
export class AmendAwardActHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/award-act/amendments')
  @HttpCode(201)
  @Roles('decider')
  @ApiOperation({ summary: 'Sign an amendment of the award act: increase, reduction, extension or change of payee, with its reason' })
  async amend(
    @Param('id', projectIdPipe()) id: string,
    @Body() body: AmendAwardActRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const terms = {
      kind: body.kind,
      reason: body.reason,
      ...(body.amount === undefined ? {} : { amountCents: parseAmount(body.amount, 'amount') }),
      ...(body.lastExercise === undefined ? {} : { lastExercise: body.lastExercise }),
      ...(body.reportDueOn === undefined ? {} : { reportDueOn: body.reportDueOn }),
      ...(body.payeeOrganisationId === undefined ? {} : { payeeOrganisationId: body.payeeOrganisationId }),
    };
    return awardActWriteResponse(reply, await this.commands.execute(new AmendAwardAct(id, terms, commandMetaOf(req, actor))));
  }

  @Post(':id/award-act/amendments/:number/countersign')
  @HttpCode(200)
  @Roles('holder')
  @ApiOperation({ summary: 'Sign a convention’s amendment for the beneficiary (a member of the beneficiary organisation)' })
  async countersign(
    @Param('id', projectIdPipe()) id: string,
    @Param('number', ParseIntPipe) number: number,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = new CountersignAwardActAmendment(id, number, commandMetaOf(req, actor));
    return awardActWriteResponse(reply, await this.commands.execute(command));
  }
}
