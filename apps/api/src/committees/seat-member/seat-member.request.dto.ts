import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { MEMBER_CAPACITIES, type MemberCapacity } from '#committees';

export class SeatMemberRequest {
  @ApiProperty({ example: 'person-0042', description: 'the member’s directory id (never a name)' })
  @Matches(/^[A-Za-z0-9._:@-]{1,100}$/)
  personId!: string;
  @ApiProperty({
    enum: Object.keys(MEMBER_CAPACITIES),
    example: 'representant_collectivite',
    description: `the capacity in which they sit: ${Object.entries(MEMBER_CAPACITIES)
      .map(([k, label]) => `${k} (${label})`)
      .join(', ')}`,
  })
  @IsIn(Object.keys(MEMBER_CAPACITIES))
  capacity!: MemberCapacity;
}
