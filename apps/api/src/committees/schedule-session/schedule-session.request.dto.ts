import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { SESSION_KINDS, type SessionKind } from '#committees';

export class QuorumDto {
  @ApiProperty({
    enum: ['share_of_seated', 'minimum_voting'],
    example: 'share_of_seated',
    description: 'share_of_seated: a percentage of the seated members; minimum_voting: a number. Abstentions never count',
  })
  @IsIn(['share_of_seated', 'minimum_voting'])
  kind!: 'share_of_seated' | 'minimum_voting';
  @ApiPropertyOptional({ example: 50, description: 'share_of_seated: the percentage (1-100) of seated members who must vote, rounded up' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  percent?: number;
  @ApiPropertyOptional({ example: 3, description: 'minimum_voting: how many members (1-100) must vote on an item' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;
}

export class ScheduleSessionRequest {
  @ApiPropertyOptional({ description: 'UUID chosen by the client; generated when absent', example: '5d1c2b9e-3f4a-4e8b-9c1d-2a3b4c5d6e7f' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;
  @ApiProperty({ enum: SESSION_KINDS, example: 'commission_departementale', description: 'which committee sits' })
  @IsIn(SESSION_KINDS as string[])
  kind!: SessionKind;
  @ApiProperty({ enum: ['education', 'health'], example: 'education', description: 'the commissions examine education, the CTS health' })
  @IsIn(['education', 'health'])
  program!: 'education' | 'health';
  @ApiProperty({
    example: '55',
    description: 'académie code (commission académique), département code (départementale), CTS or région (CTS)',
  })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,16}$/)
  territory!: string;
  @ApiProperty({ example: '2023-09-14', description: 'the day the session sits (ISO day)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date!: string;
  @ApiPropertyOptional({
    type: QuorumDto,
    example: { kind: 'share_of_seated', percent: 50 },
    description: 'the quorum rule of every item; at least half of the seated members vote when absent',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuorumDto)
  quorum?: QuorumDto;
}
