import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { LINK_NATURES, LINK_NATURE_LABELS, type LinkNature } from '#committees';

const natures = Object.entries(LINK_NATURE_LABELS)
  .map(([k, label]) => `${k} (${label})`)
  .join(', ');

export class DeclareLinkRequest {
  @ApiProperty({ example: '21550029900015', description: 'the organisation’s official identifier: a UAI, a SIRET or a FINESS' })
  @IsString()
  @Length(1, 30)
  organisationId!: string;
  @ApiProperty({ enum: LINK_NATURES, example: 'member_of_board', description: `what ties the person to it: ${natures}` })
  @IsIn(LINK_NATURES as readonly string[] as string[])
  nature!: LinkNature;
  @ApiPropertyOptional({ example: 'Conseiller municipal délégué aux écoles', description: 'in a few words; name nobody' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}
