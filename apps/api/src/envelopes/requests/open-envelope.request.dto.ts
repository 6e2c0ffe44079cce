import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { invalid } from '#kernel';
import { FUNDS, type Fund } from '#funding';
import { IsEuroAmount, euroAmountDoc } from '../../http/amount.validators.js';
import { type OrderOf, cents, sent } from './envelope-order.js';
import { CarryOverDto, PeriodDto, SplitDto } from './envelope-policies.dto.js';

/** POST /envelopes: a fund, an owner territory, one exercise `year` or a multi-year `period`. */
export class OpenEnvelopeRequest {
  @ApiProperty({ description: 'FIP (education) or FIR (health)', enum: FUNDS, example: 'fip' }) @IsIn(FUNDS) fund!: Fund;
  @ApiProperty({ description: "the owner territory: 'national', 'academie-<code>', 'ars-<région>'", example: 'academie-12' })
  @IsString()
  @MaxLength(100)
  territoryCode!: string;
  @ApiPropertyOptional({ description: 'a single exercise year (give year or period, not both)', type: 'integer', example: 2023 })
  @IsOptional()
  @IsInt()
  year?: number;
  @ApiPropertyOptional({
    type: PeriodDto,
    description: 'a multi-year envelope (give year or period, not both)',
    example: { fromYear: 2023, toYear: 2027 },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeriodDto)
  period?: PeriodDto;
  @ApiPropertyOptional({ description: 'what people read; derived from the id when absent', example: 'FIP 2023 – Académie de Nancy-Metz' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;
  @ApiPropertyOptional({
    description: 'the envelope it receives allocations from',
    example: 'fip-national-2023-2027',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  parentId?: string | null;
  @ApiPropertyOptional({ ...euroAmountDoc('a ceiling on notified AE and on notified CP over the period', '500000000.00'), nullable: true })
  @IsOptional()
  @IsEuroAmount()
  ceiling?: string | null;
  @ApiPropertyOptional({
    type: CarryOverDto,
    description: "how unused credits pass to the next year (default, by fund: FIP AE all, CP within 3 %; FIR's budget annex: all)",
    example: { ae: { mode: 'all' }, cp: { mode: 'percent', percent: 10 } },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CarryOverDto)
  carryOver?: CarryOverDto;
  @ApiPropertyOptional({
    type: SplitDto,
    nullable: true,
    description: 'an indicative split of the AE over keys (e.g. the CTS of an ARS)',
    example: { mode: 'soft', shares: { 'CTS-32-02': '433333.35', 'CTS-32-80': '433333.33' } },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SplitDto)
  split?: SplitDto | null;

  toOrder(): OrderOf<'OpenEnvelope'> {
    if (this.period !== undefined && this.year !== undefined) throw invalid('VALIDATION_FAILED', 'year', 'either period or year, not both');
    const period = this.year !== undefined ? { fromYear: this.year, toYear: this.year } : this.period?.toPeriod();
    return {
      type: 'OpenEnvelope',
      fund: this.fund,
      territoryCode: this.territoryCode,
      period: period as never,
      ...sent('label', this.label),
      ...sent('parentId', this.parentId),
      ...sent('carryOver', this.carryOver?.toPolicy()),
      ...sent('split', this.split === undefined ? undefined : (this.split?.toPolicy() ?? null)),
      ...sent('ceilingCents', this.ceiling === undefined || this.ceiling === null ? undefined : cents(this.ceiling, 'ceiling')),
    };
  }
}
