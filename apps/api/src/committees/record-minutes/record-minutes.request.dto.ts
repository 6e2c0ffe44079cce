import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** A text or a reference (at least one: the decider says which is missing). Minutes name members by their capacity only. */
export class RecordMinutesRequest {
  @ApiPropertyOptional({ example: 'Trois projets examinés ; quorum atteint sur chacun.', description: 'the minutes, as text' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  text?: string;
  @ApiPropertyOptional({ example: 'PV-DSDEN55-2023-09-14', description: 'the reference of the signed minutes document' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;
}
