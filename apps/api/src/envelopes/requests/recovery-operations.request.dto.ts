import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsEuroAmount, euroAmountDoc } from '../../http/amount.validators.js';
import type { AdjustCommitmentOrder } from '../adjust-commitment/adjust-commitment.command.js';
import { type EnvelopeRequest, type OrderOf, cents, sent } from './envelope-order.js';

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

/** POST /envelopes/:id/adjust-commitment: the EJ of a project follows a signed amendment (avenant) of its act. */
export class AdjustCommitmentRequest {
  @ApiProperty({ description: 'the project whose act was amended', example: '7855d075-3b22-4f1a-8c1a-1f436c04d386' })
  @IsString()
  @MaxLength(200)
  projectId!: string;
  @ApiProperty({ description: 'the amendment’s number (1, 2…)', example: 1 }) @IsInt() @Min(1) amendmentNumber!: number;
  @ApiPropertyOptional({ description: 'the motivation, kept in the log', example: 'Avenant n° 1 du 3 avril 2024' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  toOrder(): AdjustCommitmentOrder {
    return { projectId: this.projectId, amendmentNumber: this.amendmentNumber, ...sent('reason', this.reason) };
  }
}
