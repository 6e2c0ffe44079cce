import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsCents, centsDoc } from '../../http/amount.validators.js';

export class FinalReportDto {
  @ApiProperty({ example: 'Jardin aménagé ; 120 élèves ont participé.', description: 'what was done' })
  @IsString()
  @Length(1, 10000)
  summary!: string;
  @ApiProperty(centsDoc('what was spent', 1_125_040)) @IsCents() spentAmountCents!: number;
}

/** The body of any transition; which fields a command needs is the workflow definition's business. */
export class RunTransitionRequest {
  @ApiPropertyOptional({
    description:
      'the motivation (mandatory for complete_analysis, validate, reject, return_to_instruction, request_completion, reopen, ' +
      'record_cts_opinion)',
    example: 'Avis favorable de la commission académique',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional(centsDoc('validate: the granted amount', 1_200_000)) @IsOptional() @IsCents() grantedAmountCents?: number;
  @ApiPropertyOptional({
    description: 'a signed decision (v2): the committee session whose proposal it follows',
    example: '5d1c2b9e-3f4a-4e8b-9c1d-2a3b4c5d6e7f',
  })
  @IsOptional()
  @IsUUID()
  sessionId?: string;
  @ApiPropertyOptional({
    description: 'a signed decision (v2): why it departs from the proposal, or is taken without one',
    example: 'Montant réduit : le volet transport est pris en charge par la commune.',
  })
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  departureReason?: string;
  @ApiPropertyOptional({ description: 'record_cts_opinion: favourable or not', example: true })
  @IsOptional()
  @IsBoolean()
  favourable?: boolean;
  @ApiPropertyOptional({ description: 'start_financing: the legal commitment reference', example: 'EJ-2023-0001' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  commitmentRef?: string;
  @ApiPropertyOptional({
    type: FinalReportDto,
    description: 'submit_final_report: the final report',
    example: { summary: 'Jardin aménagé ; 120 élèves ont participé.', spentAmountCents: 1_125_040 },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FinalReportDto)
  report?: FinalReportDto;
}
