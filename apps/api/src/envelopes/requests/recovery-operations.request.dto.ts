import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsEuroAmount, euroAmountDoc } from '../../http/amount.validators.js';
import { type EnvelopeRequest, type OrderOf, cents } from './envelope-order.js';

const REF = { description: "the legal commitment's reference (the award act's)", example: 'AA-7855d075-1' };
const TITLE = { description: 'the title’s number in the accounting system', example: 'TP-2025-000118' };

/** POST /envelopes/:id/order-recovery: finance claims money back (titre de perception, FIP; titre de recettes, FIR). */
export class OrderRecoveryRequest implements EnvelopeRequest {
  @ApiProperty(REF) @IsString() @MaxLength(200) commitmentRef!: string;
  @ApiProperty(TITLE) @IsString() @MaxLength(200) titleRef!: string;
  @ApiProperty(euroAmountDoc('the amount to pay back (at most what was paid and is not claimed yet)', '1500.00'))
  @IsEuroAmount()
  amount!: string;
  @ApiProperty({ description: 'the motivation, kept in the log (at most 2000 characters)', example: 'Bilan partiellement accepté' })
  @IsString()
  @MaxLength(2000)
  reason!: string;

  toOrder(): OrderOf<'OrderRecovery'> {
    const amountCents = cents(this.amount, 'amount');
    return { type: 'OrderRecovery', commitmentRef: this.commitmentRef, titleRef: this.titleRef, amountCents, reason: this.reason };
  }
}

/** POST /envelopes/:id/collect-recovery: the public accountant collects (part of) a recovery order. */
export class CollectRecoveryRequest implements EnvelopeRequest {
  @ApiProperty(REF) @IsString() @MaxLength(200) commitmentRef!: string;
  @ApiProperty(TITLE) @IsString() @MaxLength(200) titleRef!: string;
  @ApiProperty(euroAmountDoc('the amount collected (at most what the title still claims)', '500.00')) @IsEuroAmount() amount!: string;

  toOrder(): OrderOf<'CollectRecovery'> {
    return {
      type: 'CollectRecovery',
      commitmentRef: this.commitmentRef,
      titleRef: this.titleRef,
      amountCents: cents(this.amount, 'amount'),
    };
  }
}
