import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PROGRAMS } from '#projects';

export class ListProjectsQuery {
  @ApiPropertyOptional({ enum: PROGRAMS }) @IsOptional() @IsIn(PROGRAMS as string[]) program?: string;
  @ApiPropertyOptional({ example: 'under_analysis' }) @IsOptional() @IsString() @Matches(/^[a-z_]{1,40}$/) status?: string;
  @ApiPropertyOptional({ description: 'région, académie, département or CTS code' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,16}$/)
  territory?: string;
  @ApiPropertyOptional({ description: 'holder organisation id (UAI / FINESS)' }) @IsOptional() @IsString() @Length(1, 20) holder?: string;
  @ApiPropertyOptional({ description: 'words of the title' }) @IsOptional() @IsString() @Length(1, 100) q?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^\d{1,15}$/) minPosition?: string;
}
