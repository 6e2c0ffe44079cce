import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ORGANISATION_KINDS, type IdentifierScheme, type OrganisationKind } from '#directory';

const SCHEMES: IdentifierScheme[] = ['uai', 'siret', 'finess'];

export class IdentifierDto {
  @ApiProperty({ enum: SCHEMES, example: 'uai', description: 'UAI (school), SIRET (legal person) or FINESS (health body)' })
  @IsIn(SCHEMES)
  scheme!: IdentifierScheme;
  @ApiProperty({ example: '0550001C', description: 'the identifier, check digit or letter included' })
  @IsString()
  @Length(8, 20)
  value!: string;
  @ApiPropertyOptional({ example: false, description: 'demo data: an identifier chosen where the documents give none' })
  @IsOptional()
  @IsBoolean()
  fictitious?: boolean;
}

export class RegisterOrganisationRequest {
  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'ecole', description: 'what kind of body it is' })
  @IsIn(ORGANISATION_KINDS as unknown as string[])
  kind!: OrganisationKind;
  @ApiProperty({ type: IdentifierDto, example: { scheme: 'uai', value: '0550001C' } })
  @ValidateNested()
  @Type(() => IdentifierDto)
  identifier!: IdentifierDto;
  @ApiProperty({ example: 'École élémentaire de Bar-le-Duc', description: 'its name' })
  @IsString()
  @Length(2, 200)
  name!: string;
  @ApiProperty({ example: '55029', description: 'INSEE code of its commune (official geography)' })
  @Matches(/^[0-9][0-9AB][0-9]{3}$/)
  communeCode!: string;
  @ApiProperty({ example: '55', description: 'INSEE code of its département' })
  @Matches(/^([0-9]{2}|2[AB]|97[1-6])$/)
  departementCode!: string;
}
