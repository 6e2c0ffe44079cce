import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class PostponeItemRequest {
  @ApiProperty({ example: 'Avis de la commune attendu', description: 'why the item is examined at a later session' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
