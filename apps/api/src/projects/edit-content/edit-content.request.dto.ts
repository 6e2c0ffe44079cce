import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCents, centsDoc } from '../../http/amount.validators.js';
import { PartnerDto } from '../declare-intention/declare-intention.request.dto.js';

const SHA256_EXAMPLE = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export class BudgetLineDto {
  @ApiProperty({ example: 'Matériel et intervenants', description: 'what the line pays for' }) @IsString() @Length(1, 200) label!: string;
  @ApiProperty(centsDoc('its amount', 450_000)) @IsCents() amountCents!: number;
}

export class AttachmentDto {
  @ApiProperty({ example: 'budget-previsionnel.pdf', description: 'the file name' }) @IsString() @Length(1, 255) name!: string;
  @ApiProperty({ example: 182_044, description: 'its size in bytes', type: 'integer' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  sizeBytes!: number;
  @ApiProperty({
    example: SHA256_EXAMPLE,
    description: 'lowercase hex SHA-256 of its content',
  })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}

/** Fields to replace; allowed while drafting or completing, by the project's holder. */
export class EditContentRequest {
  @ApiPropertyOptional({ example: 'Un jardin pédagogique et nourricier', description: 'the new title' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;
  @ApiPropertyOptional({ example: 'Le jardin fournit la cantine en légumes.', description: 'the new description' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;
  @ApiPropertyOptional({
    type: [PartnerDto],
    description: 'the partners (replaces the list)',
    example: [{ name: 'Association Les Jardins', kind: 'association' }],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnerDto)
  partners?: PartnerDto[];
  @ApiPropertyOptional(centsDoc('the amount requested', 450_000)) @IsOptional() @IsCents() requestedAmountCents?: number;
  @ApiPropertyOptional({
    type: [BudgetLineDto],
    description: 'the budget (replaces the lines)',
    example: [{ label: 'Matériel et intervenants', amountCents: 450_000 }],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budgetLines?: BudgetLineDto[];
  @ApiPropertyOptional({
    type: [AttachmentDto],
    description: 'the attachments (replaces the list)',
    example: [{ name: 'budget-previsionnel.pdf', sizeBytes: 182_044, sha256: SHA256_EXAMPLE }],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}
