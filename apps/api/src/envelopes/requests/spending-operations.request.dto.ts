import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsEuroAmount, euroAmountDoc } from '../../http/amount.validators.js';
import type { CommitmentRequestOrder } from '../commit/commit.command.js';
import { type EnvelopeRequest, type OrderOf, cents, sent } from './envelope-order.js';

const REASON = 'the motivation, kept in the log (at most 2000 characters)';
const REF = { description: "the legal commitment's number (engagement juridique, from the accounting system)", example: 'EJ-2023-0001' };

/** The commitment an operation acts on. */
class CommitmentRequest {
  @ApiProperty(REF) @IsString() @MaxLength(200) commitmentRef!: string;
}

/** POST /envelopes/:id/commit: the EJ of a project's signed award act; consumes AE of the current year. */
export class CommitRequest {
  @ApiProperty({ description: 'the project whose signed award act the EJ formalises', example: '7855d075-3b22-4f1a-8c1a-1f436c04d386' })
  @IsString()
  @MaxLength(200)
  projectId!: string;
  @ApiProperty({ description: 'the EJ number given by the accounting system (Chorus for the State)', example: '2103456789' })
  @IsString()
  @MaxLength(50)
  ejNumber!: string;
  @ApiPropertyOptional({ description: 'demo data only: a number Refonda made up', example: false })
  @IsOptional()
  @IsBoolean()
  ejNumberFictitious?: boolean;
  @ApiPropertyOptional(euroAmountDoc('the amount committed; at most the act’s, which it is when absent', '12500.00'))
  @IsOptional()
  @IsEuroAmount()
  amount?: string;
  @ApiPropertyOptional({
    description: 'the split key it draws on (required by a hard split)',
    example: 'CTS-32-80',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  splitKey?: string | null;
  @ApiPropertyOptional({ description: REASON, example: 'Convention du 12 septembre 2023' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  toOrder(): CommitmentRequestOrder {
    return {
      projectId: this.projectId,
      ejNumber: this.ejNumber,
      ...sent('ejNumberFictitious', this.ejNumberFictitious),
      ...(this.amount === undefined ? {} : { amountCents: cents(this.amount, 'amount') }),
      ...sent('splitKey', this.splitKey),
      ...sent('reason', this.reason),
    };
  }
}

/** POST /envelopes/:id/release: désengagement of the unused part of a commitment. */
export class ReleaseRequest extends CommitmentRequest implements EnvelopeRequest {
  @ApiPropertyOptional(euroAmountDoc('the amount released; all of the unused part when absent', '749.60'))
  @IsOptional()
  @IsEuroAmount()
  amount?: string;
  @ApiProperty({ description: REASON, example: 'Dépenses justifiées inférieures au montant accordé' })
  @IsString()
  @MaxLength(2000)
  reason!: string;

  toOrder(): OrderOf<'ReleaseCommitment'> {
    return {
      type: 'ReleaseCommitment',
      commitmentRef: this.commitmentRef,
      reason: this.reason,
      ...sent('amountCents', this.amount === undefined ? undefined : cents(this.amount, 'amount')),
    };
  }
}

const INSTALMENT = {
  description: 'the instalment of the act’s schedule (1, 2…); 0 or absent for a commitment without schedule',
  example: 1,
};

/** POST /envelopes/:id/service-done: a finance officer certifies service fait on its evidence, which makes that much payable. */
export class ServiceDoneRequest extends CommitmentRequest implements EnvelopeRequest {
  @ApiProperty(euroAmountDoc('the amount of service certified', '6000.00')) @IsEuroAmount() amount!: string;
  @ApiPropertyOptional(INSTALMENT) @IsOptional() @IsInt() @Min(0) @Max(12) instalment?: number;
  @ApiProperty({ description: 'the evidence: the start of the action, an accepted report', example: 'PV de démarrage du 2 octobre 2023' })
  @IsString()
  @MaxLength(200)
  reference!: string;

  toOrder(): OrderOf<'RecordServiceDone'> {
    return {
      type: 'RecordServiceDone',
      commitmentRef: this.commitmentRef,
      amountCents: cents(this.amount, 'amount'),
      ...sent('instalment', this.instalment),
      reference: this.reference,
    };
  }
}

/** POST /envelopes/:id/order-payment: the ordonnateur liquidates a certified instalment and orders its payment. */
export class OrderPaymentRequest extends CommitmentRequest implements EnvelopeRequest {
  @ApiProperty(euroAmountDoc('the amount ordered (at most what is certified and not yet ordered)', '6000.00'))
  @IsEuroAmount()
  amount!: string;
  @ApiPropertyOptional(INSTALMENT) @IsOptional() @IsInt() @Min(0) @Max(12) instalment?: number;
  @ApiProperty({ description: 'the payment order’s number in the accounting system (demande de paiement)', example: 'DP-2023-0001' })
  @IsString()
  @MaxLength(200)
  orderRef!: string;

  toOrder(): OrderOf<'OrderPayment'> {
    return {
      type: 'OrderPayment',
      commitmentRef: this.commitmentRef,
      amountCents: cents(this.amount, 'amount'),
      ...sent('instalment', this.instalment),
      orderRef: this.orderRef,
    };
  }
}

/** POST /envelopes/:id/pay: the public accountant pays an order; consumes CP of the current exercise. */
export class PayRequest extends CommitmentRequest implements EnvelopeRequest {
  @ApiProperty({ description: 'the payment order paid', example: 'DP-2023-0001' })
  @IsString()
  @MaxLength(200)
  orderRef!: string;

  toOrder(): OrderOf<'PayInstalment'> {
    return { type: 'PayInstalment', commitmentRef: this.commitmentRef, orderRef: this.orderRef };
  }
}

/** POST /envelopes/:id/close-year */
export class CloseYearRequest implements EnvelopeRequest {
  @ApiProperty({ description: "the exercise to close: the envelope's current year", type: 'integer', example: 2023 })
  @IsInt()
  year!: number;
  @ApiPropertyOptional({
    description: 'required when payment orders are still unpaid: why the close goes on (they are paid from the next exercise’s CP)',
    example: 'Mandats transmis au comptable le 29 décembre',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  unpaidOrdersReason?: string;
  @ApiPropertyOptional(euroAmountDoc('the CP carried over, as decided, within the envelope’s rule (absent: its cap)', '30000.00'))
  @IsOptional()
  @IsEuroAmount()
  cpCarried?: string;

  toOrder(): OrderOf<'CloseYear'> {
    return {
      type: 'CloseYear',
      year: this.year,
      ...sent('unpaidOrdersReason', this.unpaidOrdersReason),
      ...(this.cpCarried === undefined ? {} : { cpCarriedCents: cents(this.cpCarried, 'cpCarried') }),
    };
  }
}
