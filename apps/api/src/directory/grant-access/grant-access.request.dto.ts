import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CAPACITIES } from '#delegations';
import { GRANTED_ROLES, type GrantedRole } from '#directory';

const CODE = /^[0-9A-Za-z-]{1,16}$/;

export class ScopeDto {
  @ApiPropertyOptional({ example: ['44'], description: 'INSEE région codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, { each: true })
  regions?: string[];
  @ApiPropertyOptional({ example: ['12'], description: 'académie codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @Matches(CODE, { each: true })
  academies?: string[];
  @ApiPropertyOptional({ example: ['55'], description: 'INSEE département codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(110)
  @Matches(CODE, { each: true })
  departements?: string[];
  @ApiPropertyOptional({ example: ['CTS-44-55'], description: 'health territory (CTS) codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @Matches(CODE, { each: true })
  cts?: string[];
}

export class GrantAccessRequest {
  @ApiProperty({ enum: GRANTED_ROLES, example: 'validator', description: 'the role granted' })
  @IsIn(GRANTED_ROLES as string[])
  role!: GrantedRole;
  @ApiProperty({ type: ScopeDto, description: 'the territory it covers (empty: national)', example: { academies: ['12'] } })
  @ValidateNested()
  @Type(() => ScopeDto)
  scope!: ScopeDto;
  @ApiPropertyOptional({ enum: CAPACITIES, example: 'ia_dasen', description: 'a decider’s signing capacity (required for a decider)' })
  @IsOptional()
  @IsIn(CAPACITIES as readonly string[] as string[])
  capacity?: string;
}
