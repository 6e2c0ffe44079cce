import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PROPOSAL_OUTCOMES, type ProposalOutcome } from '#committees';
import { IsCents, centsDoc } from '../../http/amount.validators.js';

export class RecordProposalRequest {
  @ApiProperty({ enum: PROPOSAL_OUTCOMES, example: 'favourable', description: 'the session’s proposal on the project' })
  @IsIn(PROPOSAL_OUTCOMES as string[])
  outcome!: ProposalOutcome;
  @ApiPropertyOptional(centsDoc('favourable: the amount proposed (required then, absent otherwise)', 1_000_000))
  @IsOptional()
  @IsCents()
  proposedAmountCents?: number;
  @ApiProperty({ example: 'Projet co-construit avec les familles, budget justifié', description: 'the reason of the proposal' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
