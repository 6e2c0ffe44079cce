import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { INSTALMENT_KINDS } from '#awards';
import { parseAmount } from '#funding';
import { IsEuroAmount, euroAmountDoc } from '../../http/amount.validators.js';
import type { AwardActDraft } from './draft-award-act.command.js';

export class ExercisesDto {
  @ApiProperty({ example: 2023 }) @IsInt() @Min(2000) @Max(2100) first!: number;
  @ApiProperty({ example: 2023 }) @IsInt() @Min(2000) @Max(2100) last!: number;
}

export class InstalmentDto {
  @ApiProperty({ enum: INSTALMENT_KINDS, example: 'advance' }) @IsIn([...INSTALMENT_KINDS]) kind!: string;
  @ApiProperty(euroAmountDoc('the payment', '6000.00')) @IsEuroAmount() amount!: string;
  @ApiProperty({ example: 'démarrage de l’action', description: 'what service fait must certify before it is paid' })
  @IsString()
  @Length(3, 300)
  condition!: string;
}

/** POST /projects/:id/award-act: everything is optional; the draft proposes the decision's amount, the usual schedule, the match. */
export class DraftAwardActRequest {
  @ApiPropertyOptional({ example: 'fip-academie-12-2023', description: 'the envelope drawn on; absent: the proposed match' })
  @IsOptional()
  @IsString()
  @Length(3, 100)
  envelopeId?: string;
  @ApiPropertyOptional({ example: 'Arrêté n° 2023-FIP-12-0042', description: 'the act’s number in the service' })
  @IsOptional()
  @IsString()
  @Length(3, 80)
  reference?: string;
  @ApiPropertyOptional(euroAmountDoc('the grant (at most the decision’s); absent: the decision’s', '12000.00'))
  @IsOptional()
  @IsEuroAmount()
  amount?: string;
  @ApiPropertyOptional({ type: ExercisesDto }) @IsOptional() @ValidateNested() @Type(() => ExercisesDto) exercises?: ExercisesDto;
  @ApiPropertyOptional({ type: [InstalmentDto], description: 'advance first, balance last; adds up to the amount' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(0)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => InstalmentDto)
  schedule?: InstalmentDto[];
  @ApiPropertyOptional({
    example: '2024-06-30',
    description: 'the compte rendu financier’s due day; at the latest 30 June after the last exercise',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  reportDueOn?: string;
  @ApiPropertyOptional({ enum: ['public', 'private'], description: 'needed only when the payee’s kind does not say' })
  @IsOptional()
  @IsIn(['public', 'private'])
  payeeLegalStatus?: 'public' | 'private';

  toDraft(): AwardActDraft {
    return {
      ...(this.envelopeId === undefined ? {} : { envelopeId: this.envelopeId }),
      ...(this.reference === undefined ? {} : { reference: this.reference }),
      ...(this.amount === undefined ? {} : { amountCents: parseAmount(this.amount, 'amount') }),
      ...(this.exercises === undefined ? {} : { exercises: { first: this.exercises.first, last: this.exercises.last } }),
      ...(this.schedule === undefined
        ? {}
        : {
            schedule: this.schedule.map((s, i) => ({
              kind: s.kind,
              amountCents: parseAmount(s.amount, `schedule[${i}].amount`),
              condition: s.condition,
            })),
          }),
      ...(this.reportDueOn === undefined ? {} : { reportDueOn: this.reportDueOn }),
      ...(this.payeeLegalStatus === undefined ? {} : { payeeLegalStatus: this.payeeLegalStatus }),
    };
  }
}
