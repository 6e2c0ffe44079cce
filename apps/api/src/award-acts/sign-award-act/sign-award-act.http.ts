import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_OUTCOMES, type ReportOutcome } from '#awards';
import { parseAmount } from '#funding';
import { IsEuroAmount, euroAmountDoc } from '../../http/amount.validators.js';
import { ReviewAwardActReport } from '../review-report/review-report.handler.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '#auth';
import type { Actor } from '#kernel';
import { commandMetaOf } from '../../http/command-meta.js';
import { projectIdPipe } from '../../http/project-id.pipe.js';
import { awardActWriteResponse } from '../award-act-response.js';
import { CancelAwardAct, CountersignAwardAct, SignAwardAct } from './sign-award-act.command.js';

export class CancelAwardActRequest {
  @ApiProperty({ example: 'Erreur sur l’organisme payeur' }) @IsString() @Length(3, 2000) reason!: string;
}

export class ReviewReportRequest {
  @ApiProperty({ enum: REPORT_OUTCOMES, example: 'partly_accepted' }) @IsIn([...REPORT_OUTCOMES]) outcome!: ReportOutcome;
  @ApiPropertyOptional(euroAmountDoc('partly_accepted: the spending accepted as eligible', '9500.00'))
  @IsOptional()
  @IsEuroAmount()
  eligibleSpending?: string;
  @ApiProperty({ example: 'Dépenses de restauration non éligibles' }) @IsString() @Length(3, 2000) reason!: string;
}

/** The act's signatures and its cancellation: each a command on the project's act. */
@ApiTags('award-acts')
@ApiBearerAuth()
@Controller('projects')
export class SignAwardActHttp {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':id/award-act/sign')
  @HttpCode(200)
  @Roles('decider')
  @ApiOperation({ summary: 'Sign the award act for the authority (own right or delegation covering award_act.sign)' })
  async sign(
    @Param('id', projectIdPipe()) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return awardActWriteResponse(reply, await this.commands.execute(new SignAwardAct(id, commandMetaOf(req, actor))));
  }

  @Post(':id/award-act/countersign')
  @HttpCode(200)
  @Roles('holder')
  @ApiOperation({ summary: 'Sign the convention for the beneficiary (a member of the beneficiary organisation)' })
  async countersign(
    @Param('id', projectIdPipe()) id: string,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return awardActWriteResponse(reply, await this.commands.execute(new CountersignAwardAct(id, commandMetaOf(req, actor))));
  }

  @Post(':id/award-act/review')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Review the compte rendu financier: accepted, partly accepted (eligible spending), refused' })
  async review(
    @Param('id', projectIdPipe()) id: string,
    @Body() body: ReviewReportRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const review = {
      outcome: body.outcome,
      reason: body.reason,
      ...(body.eligibleSpending === undefined ? {} : { eligibleSpendingCents: parseAmount(body.eligibleSpending, 'eligibleSpending') }),
    };
    return awardActWriteResponse(reply, await this.commands.execute(new ReviewAwardActReport(id, review, commandMetaOf(req, actor))));
  }

  @Post(':id/award-act/cancel')
  @HttpCode(200)
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Cancel an act not yet committed, with its reason' })
  async cancel(
    @Param('id', projectIdPipe()) id: string,
    @Body() body: CancelAwardActRequest,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return awardActWriteResponse(reply, await this.commands.execute(new CancelAwardAct(id, body.reason, commandMetaOf(req, actor))));
  }
}
