import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '#directory';
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
  @ApiPropertyOptional({ example: 'CTS-32-59-1', description: 'health territory (CTS) code (health)' })
  @IsOptional()
  @IsString()
  @Matches(CODE)
  cts?: string;
}

export class CoHolderDto {
  @ApiProperty({ example: '0590001F', description: 'UAI (school) or FINESS (health body)' })
  @IsString()
  @Length(1, 20)
  organisationId!: string;
  @ApiProperty({ example: 'Lycée Faidherbe', description: 'the organisation’s name' }) @IsString() @Length(1, 200) name!: string;
}

export class HolderDto extends CoHolderDto {
  @ApiPropertyOptional({
    enum: ORGANISATION_KINDS,
    example: 'lycee',
    description: 'its kind, used only when the directory does not know it yet (it is then registered, you its first member)',
  })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS as unknown as string[])
  kind?: OrganisationKind;
}

export class PartnerDto {
  @ApiProperty({ example: 'Commune de Lille', description: 'the partner’s name' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: PARTNER_KINDS, example: 'collectivite', description: 'what kind of partner it is' })
  @IsIn(PARTNER_KINDS as string[])
  kind!: string;
  @ApiPropertyOptional({ example: '21590350100017', description: 'its SIRET, UAI or FINESS when it has one' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  organisationId?: string;
}

export class DeclareIntentionRequest {
  @ApiPropertyOptional({ description: 'UUID chosen by the client; generated when absent', example: '40f0a8ad-83d2-4ac9-b471-db404f46556c' })
  @IsOptional()
  @IsUUID()
  projectId?: string;
  @ApiProperty({ enum: PROGRAMS, example: 'education', description: 'education (FIP) or health (FIR)' })
  @IsIn(PROGRAMS as string[])
  program!: 'education' | 'health';
  @ApiProperty({ example: 'Un jardin pédagogique partagé', description: 'the project’s title' }) @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional({ example: 'Élèves, familles et commune aménagent un jardin partagé.', description: 'what the project is about' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;
  @ApiProperty({
    type: TerritoryDto,
    description: 'where the project takes place',
    example: { region: '32', departement: '59', academie: '09' },
  })
  @ValidateNested()
  @Type(() => TerritoryDto)
  territory!: TerritoryDto;
  @ApiProperty({
    type: HolderDto,
    description: 'the organisation holding the project',
    example: { organisationId: '0590001F', name: 'Lycée Faidherbe', kind: 'lycee' },
  })
  @ValidateNested()
  @Type(() => HolderDto)
  holder!: HolderDto;
  @ApiPropertyOptional({
    type: [CoHolderDto],
    description: 'other organisations holding it (a multi-school project, counted in the holder’s territory; at most 20)',
    example: [{ organisationId: '0590002G', name: 'École Jean Macé' }],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CoHolderDto)
  coHolders?: CoHolderDto[];
  @ApiPropertyOptional({
    type: [PartnerDto],
    description: 'its partners (at most 50)',
    example: [{ name: 'Commune de Lille', kind: 'collectivite' }],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnerDto)
  partners?: PartnerDto[];
}
