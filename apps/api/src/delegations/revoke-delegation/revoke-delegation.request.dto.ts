import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, IsISO8601 } from 'class-validator';
import { ISO_DAY } from '../grant-delegation/grant-delegation.request.dto.js';

export class RevokeDelegationRequest {
  @ApiProperty({
    example: '2024-01-31',
    description: 'last day in force (Europe/Paris, inclusive), from validFrom and before the planned end; may be past',
  })
  @Matches(ISO_DAY)
  @IsISO8601({ strict: true })
  endsOn!: string;
  @ApiProperty({ example: 'Fin de fonctions de l’IA-DASEN' }) @IsString() @Length(3, 1000) reason!: string;
}
