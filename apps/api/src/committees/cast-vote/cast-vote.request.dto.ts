import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { VOTE_CHOICES, type VoteChoice } from '#committees';

export class CastVoteRequest {
  @ApiProperty({ enum: VOTE_CHOICES, example: 'favourable', description: 'the member’s vote; an abstention does not count for the quorum' })
  @IsIn(VOTE_CHOICES as string[])
  vote!: VoteChoice;
}
