import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PartnerDto } from '../declare-intention/declare-intention.request.dto.js';

export class BudgetLineDto {
  @ApiPropertyOptional() @IsString() @Length(1, 200) label!: string;
  @ApiPropertyOptional({ description: 'integer euro cents' }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) amountCents!: number;
}

export class AttachmentDto {
  @ApiPropertyOptional() @IsString() @Length(1, 255) name!: string;
  @ApiPropertyOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) sizeBytes!: number;
  @ApiPropertyOptional({ description: 'lowercase hex SHA-256' }) @IsString() @Matches(/^[0-9a-f]{64}$/) sha256!: string;
}

/** Fields to replace; allowed while drafting or completing, by the project's holder. */
export class EditContentRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) description?: string;
  @ApiPropertyOptional({ type: [PartnerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnerDto)
  partners?: PartnerDto[];
  @ApiPropertyOptional({ description: 'integer euro cents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  requestedAmountCents?: number;
  @ApiPropertyOptional({ type: [BudgetLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budgetLines?: BudgetLineDto[];
  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}
