import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PARTNER_KINDS, PROGRAMS } from '#projects';

const CODE = /^[0-9A-Za-z-]{1,16}$/;

export class TerritoryDto {
  @ApiProperty({ example: '32', description: 'INSEE région code' }) @IsString() @Matches(CODE) region!: string;
  @ApiProperty({ example: '59', description: 'INSEE département code' }) @IsString() @Matches(CODE) departement!: string;
  @ApiPropertyOptional({ example: '59350', description: 'INSEE commune code' })
  @IsOptional()
  @IsString()
  @Matches(CODE)
  communeCode?: string;
  @ApiPropertyOptional({ example: '09', description: 'académie code (education)' })
  @IsOptional()
  @IsString()
  @Matches(CODE)
  academie?: string;
  @ApiPropertyOptional({ description: 'health territory (CTS) code' }) @IsOptional() @IsString() @Matches(CODE) cts?: string;
}

export class HolderDto {
  @ApiProperty({ example: '0590001L', description: 'UAI (school) or FINESS (health body)' })
  @IsString()
  @Length(1, 20)
  organisationId!: string;
  @ApiProperty({ example: 'Lycée Faidherbe' }) @IsString() @Length(1, 200) name!: string;
}

export class PartnerDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: PARTNER_KINDS }) @IsIn(PARTNER_KINDS as string[]) kind!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 20) organisationId?: string;
}

export class DeclareIntentionRequest {
  @ApiPropertyOptional({ description: 'UUID chosen by the client; generated when absent' }) @IsOptional() @IsUUID() projectId?: string;
  @ApiProperty({ enum: PROGRAMS }) @IsIn(PROGRAMS as string[]) program!: 'education' | 'health';
  @ApiProperty({ example: 'Un jardin pédagogique partagé' }) @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) description?: string;
  @ApiProperty({ type: TerritoryDto }) @ValidateNested() @Type(() => TerritoryDto) territory!: TerritoryDto;
  @ApiProperty({ type: HolderDto }) @ValidateNested() @Type(() => HolderDto) holder!: HolderDto;
  @ApiPropertyOptional({ type: [PartnerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnerDto)
  partners?: PartnerDto[];
}
