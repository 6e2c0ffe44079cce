import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import type { CarryOverPolicy, CarryOverRule, Period, SplitPolicy } from '#funding';
import { EURO_AMOUNT_PATTERN, IsEuroAmountMap } from '../../http/amount.validators.js';
import { cents } from './envelope-order.js';

/** Nested parts of envelope requests: the period, the carry-over rule, the indicative split. */
export class PeriodDto {
  @ApiProperty({ description: 'first exercise year of the envelope', type: 'integer', example: 2023 }) @IsInt() fromYear!: number;
  @ApiProperty({ description: 'last exercise year (inclusive)', type: 'integer', example: 2027 }) @IsInt() toYear!: number;

  toPeriod(): Period {
    return { fromYear: this.fromYear, toYear: this.toYear };
  }
}

export class CarryOverRuleDto {
  @ApiProperty({
    description: "what unused credits of a closed year become: 'none' (all lapse), 'all' (all carried), 'percent' (at most `percent` %)",
    enum: ['none', 'all', 'percent'],
    example: 'percent',
  })
  @IsIn(['none', 'all', 'percent'])
  mode!: CarryOverRule['mode'];
  @ApiPropertyOptional({
    description: "with mode 'percent': the share of the year's credits that may be carried, 0..100",
    type: 'integer',
    example: 10,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;
}

export class CarryOverDto {
  @ApiProperty({ type: CarryOverRuleDto, description: 'rule for unused AE', example: { mode: 'all' } })
  @ValidateNested()
  @Type(() => CarryOverRuleDto)
  ae!: CarryOverRuleDto;
  @ApiProperty({
    type: CarryOverRuleDto,
    description: 'rule for unused CP (LOLF art. 15: within a cap)',
    example: { mode: 'percent', percent: 10 },
  })
  @ValidateNested()
  @Type(() => CarryOverRuleDto)
  cp!: CarryOverRuleDto;

  toPolicy(): CarryOverPolicy {
    return { ae: { ...this.ae } as CarryOverRule, cp: { ...this.cp } as CarryOverRule };
  }
}

export class SplitDto {
  @ApiProperty({
    description: "'soft': exceeding a share is recorded and the commitment stands; 'hard': it is refused",
    enum: ['soft', 'hard'],
    example: 'soft',
  })
  @IsIn(['soft', 'hard'])
  mode!: SplitPolicy['mode'];
  @ApiProperty({
    description: 'the indicative share of the AE per key (a territory code, e.g. a CTS). Euros, decimal strings (≤ 2 decimals)',
    type: 'object',
    additionalProperties: { type: 'string', pattern: EURO_AMOUNT_PATTERN },
    example: { 'CTS-32-02': '433333.35', 'CTS-32-80': '433333.33' },
  })
  @IsEuroAmountMap()
  shares!: Record<string, string>;

  toPolicy(): SplitPolicy {
    const shares = Object.entries(this.shares).map(([key, euros]): [string, number] => [key, cents(euros, `split.shares.${key}`)]);
    return { mode: this.mode, shares: Object.fromEntries(shares) };
  }
}
