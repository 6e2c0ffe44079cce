import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ORGANISATION_KINDS } from '#directory';
import { ListOrganisations } from './list-organisations.query.js';

export class ListOrganisationsQuery {
  @ApiPropertyOptional({ example: '55' }) @IsOptional() @Matches(/^([0-9]{2}|2[AB]|97[1-6])$/) departement?: string;
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS }) @IsOptional() @IsIn(ORGANISATION_KINDS as unknown as string[]) kind?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
  @ApiPropertyOptional({ description: 'wait until the directory has reached this log position' })
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  minPosition?: string;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('organisations')
export class ListOrganisationsHttp {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Registered organisations, by département and kind' })
  list(@Query() q: ListOrganisationsQuery) {
    const search = { departement: q.departement, kind: q.kind, page: q.page ?? 1, pageSize: q.pageSize ?? 50 };
    return this.queries.execute(new ListOrganisations(search, q.minPosition));
  }
}
