import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { LINK_NATURES, type LinkNature } from '#committees';

export class WithdrawLinkRequest {
  @ApiProperty({ example: '21550029900015', description: 'the organisation of the link withdrawn (UAI, SIRET or FINESS)' })
  @IsString()
  @Length(1, 30)
  organisationId!: string;
  @ApiProperty({ enum: LINK_NATURES, example: 'member_of_board', description: 'the nature of the link withdrawn' })
  @IsIn(LINK_NATURES as readonly string[] as string[])
  nature!: LinkNature;
}
