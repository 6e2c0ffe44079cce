import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, IsISO8601 } from 'class-validator';
import { ISO_DAY } from '../grant-delegation/grant-delegation.request.dto.js';

export class ListDelegationsQuery {
  @ApiPropertyOptional({ description: 'the delegate’s directory id' }) @IsOptional() @IsString() @Length(1, 100) delegate?: string;
  @ApiPropertyOptional({ description: 'the delegating authority’s directory id' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  authority?: string;
  @ApiPropertyOptional({ example: '2023-10-12', description: 'only those in force that day (inclusive)' })
  @IsOptional()
  @Matches(ISO_DAY)
  @IsISO8601({ strict: true })
  activeOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^\d{1,15}$/) minPosition?: string;
}
