import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
  IsISO8601,
} from 'class-validator';
import { ACT_KINDS, AUTHORITY_CAPACITIES, DELEGATE_CAPACITIES } from '#delegations';

const CODE = /^[0-9A-Za-z]{1,3}$/;
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class AuthorityTerritoryDto {
  @ApiProperty({ enum: ['academie', 'region'], example: 'academie', description: 'an académie (recteur) or a région (DG ARS)' })
  @IsIn(['academie', 'region'])
  kind!: 'academie' | 'region';
  @ApiProperty({ example: '12', description: 'académie number or INSEE région code' }) @IsString() @Matches(CODE) code!: string;
}

export class AuthorityDto {
  @ApiProperty({ example: 'recteur-nancy-metz', description: 'the delegating authority’s directory id' })
  @IsString()
  @Length(1, 100)
  personId!: string;
  @ApiProperty({ enum: AUTHORITY_CAPACITIES, example: 'recteur' }) @IsIn([...AUTHORITY_CAPACITIES]) capacity!: 'recteur' | 'dg_ars';
  @ApiProperty({ type: AuthorityTerritoryDto, description: 'the territory the authority holds' })
  @ValidateNested()
  @Type(() => AuthorityTerritoryDto)
  territory!: AuthorityTerritoryDto;
}

export class DelegateDto {
  @ApiProperty({ example: 'ia-dasen-55', description: 'the delegate’s directory id' }) @IsString() @Length(1, 100) personId!: string;
  @ApiProperty({ enum: DELEGATE_CAPACITIES, example: 'ia_dasen' })
  @IsIn([...DELEGATE_CAPACITIES])
  capacity!: (typeof DELEGATE_CAPACITIES)[number];
}

export class CoveredTerritoryDto {
  @ApiProperty({ enum: ['academie', 'region', 'departement'], example: 'departement' })
  @IsIn(['academie', 'region', 'departement'])
  kind!: 'academie' | 'region' | 'departement';
  @ApiProperty({ example: '55', description: 'official code' }) @IsString() @Matches(CODE) code!: string;
}

export class GrantDelegationRequest {
  @ApiPropertyOptional({ description: 'UUID chosen by the client; generated (or derived from the Idempotency-Key) when absent' })
  @IsOptional()
  @IsUUID()
  delegationId?: string;
  @ApiProperty({ type: AuthorityDto }) @ValidateNested() @Type(() => AuthorityDto) authority!: AuthorityDto;
  @ApiProperty({ type: DelegateDto }) @ValidateNested() @Type(() => DelegateDto) delegate!: DelegateDto;
  @ApiProperty({
    type: [CoveredTerritoryDto],
    description: 'within the authority’s territory; an académie or région covers its départements',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CoveredTerritoryDto)
  territories!: CoveredTerritoryDto[];
  @ApiProperty({ enum: ACT_KINDS, isArray: true, example: ['decision.validate', 'decision.reject', 'decision.return_to_instruction'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn([...ACT_KINDS], { each: true })
  actKinds!: string[];
  @ApiProperty({ example: '2023-09-01', description: 'first day in force (Europe/Paris), inclusive' })
  @Matches(ISO_DAY)
  @IsISO8601({ strict: true })
  validFrom!: string;
  @ApiPropertyOptional({ example: '2024-08-31', description: 'last day in force, inclusive; absent: until revoked' })
  @IsOptional()
  @Matches(ISO_DAY)
  @IsISO8601({ strict: true })
  validUntil?: string;
  @ApiProperty({ example: 'Arrêté n° 2023-45 du 1er septembre 2023 portant délégation de signature' })
  @IsString()
  @Length(5, 300)
  actReference!: string;
  @ApiPropertyOptional({ example: 'Rentrée 2023' }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}
