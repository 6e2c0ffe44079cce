import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsEuroAmount, euroAmountDoc } from '../../http/amount.validators.js';
import { type EnvelopeRequest, type OrderOf, cents, sent } from './envelope-order.js';
import { SplitDto } from './envelope-policies.dto.js';

const REASON = 'the motivation, kept in the log (at most 2000 characters)';

/** AE and CP of the current year, both decimal strings of euros (one may be "0.00", not both). */
class CreditPairRequest {
  @ApiProperty(euroAmountDoc("AE (autorisations d'engagement) of the current year", '4850000.00')) @IsEuroAmount() ae!: string;
  @ApiProperty(euroAmountDoc('CP (crédits de paiement) of the current year', '2425000.00')) @IsEuroAmount() cp!: string;

  protected credits() {
    return { aeCents: cents(this.ae, 'ae'), cpCents: cents(this.cp, 'cp') };
  }
}

/** POST /envelopes/:id/notify */
export class NotifyRequest extends CreditPairRequest implements EnvelopeRequest {
  @ApiPropertyOptional({
    description: 'the first notification of the year, or an increase (default: by what the year already has)',
    enum: ['notification', 'increase'],
    example: 'notification',
  })
  @IsOptional()
  @IsIn(['notification', 'increase'])
  kind?: 'notification' | 'increase';
  @ApiPropertyOptional({ description: REASON, example: 'Notification des crédits FIP 2023 par la DGESCO' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  toOrder(): OrderOf<'NotifyCredits'> {
    return { type: 'NotifyCredits', ...this.credits(), ...sent('kind', this.kind), ...sent('reason', this.reason) };
  }
}

/** POST /envelopes/:id/reduce */
export class ReduceRequest extends CreditPairRequest implements EnvelopeRequest {
  @ApiProperty({ description: REASON, example: 'Mise en réserve de précaution' }) @IsString() @MaxLength(2000) reason!: string;

  toOrder(): OrderOf<'ReduceCredits'> {
    return { type: 'ReduceCredits', ...this.credits(), reason: this.reason };
  }
}

/** POST /envelopes/:id/allocate: from a parent envelope to one of its children. */
export class AllocateRequest extends CreditPairRequest implements EnvelopeRequest {
  @ApiProperty({ description: 'the child envelope (its parentId is this envelope)', example: 'fip-academie-12-2023' })
  @IsString()
  @MaxLength(100)
  childId!: string;
  @ApiPropertyOptional({ description: REASON, example: 'Part académique' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;

  toOrder(): OrderOf<'AllocateToChild'> {
    return { type: 'AllocateToChild', childId: this.childId, ...this.credits(), ...sent('reason', this.reason) };
  }
}

/** POST /envelopes/:id/transfer: to a sibling (an envelope with the same parent). */
export class TransferRequest extends CreditPairRequest implements EnvelopeRequest {
  @ApiProperty({ description: 'the sibling envelope receiving the credits', example: 'fip-academie-09-2023' })
  @IsString()
  @MaxLength(100)
  toId!: string;
  @ApiProperty({ description: REASON, example: 'Redéploiement entre académies' }) @IsString() @MaxLength(2000) reason!: string;

  toOrder(): OrderOf<'TransferToSibling'> {
    return { type: 'TransferToSibling', toId: this.toId, ...this.credits(), reason: this.reason };
  }
}

/** POST /envelopes/:id/split: sets (or, with null, removes) the indicative split of the AE. */
export class SetSplitRequest implements EnvelopeRequest {
  @ApiProperty({
    type: SplitDto,
    nullable: true,
    description: 'the split; null removes it (required: an empty body removes nothing)',
    example: { mode: 'hard', shares: { 'CTS-44-55': '600000.00', 'CTS-44-54': '400000.00' } },
  })
  @ValidateIf((body: SetSplitRequest) => body.split !== null)
  @ValidateNested()
  @Type(() => SplitDto)
  split!: SplitDto | null;
  @ApiPropertyOptional({ description: REASON, example: 'Répartition arrêtée avec les conseils territoriaux de santé' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  toOrder(): OrderOf<'SetSplit'> {
    return { type: 'SetSplit', split: this.split === null ? null : this.split.toPolicy(), ...sent('reason', this.reason) };
  }
}
