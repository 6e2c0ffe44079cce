import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class FinalReportDto {
  @ApiPropertyOptional() @IsString() @Length(1, 10000) summary!: string;
  @ApiPropertyOptional({ description: 'integer euro cents' }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) spentAmountCents!: number;
}

/** The body of any transition; which fields a command needs is the workflow definition's business. */
export class RunTransitionRequest {
  @ApiPropertyOptional({ description: 'the motivation (mandatory for validate, reject, request_completion, reopen, record_cts_opinion)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
  @ApiPropertyOptional({ description: 'validate: granted amount, integer euro cents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  grantedAmountCents?: number;
  @ApiPropertyOptional({ description: 'record_cts_opinion: favourable or not' }) @IsOptional() @IsBoolean() favourable?: boolean;
  @ApiPropertyOptional({ description: 'start_financing: the legal commitment reference' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  commitmentRef?: string;
  @ApiPropertyOptional({ type: FinalReportDto }) @IsOptional() @ValidateNested() @Type(() => FinalReportDto) report?: FinalReportDto;
}
