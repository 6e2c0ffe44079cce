import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AddToAgendaRequest {
  @ApiProperty({ example: '40f0a8ad-83d2-4ac9-b471-db404f46556c', description: 'the project to examine, once its analysis is done' })
  @IsUUID()
  projectId!: string;
}
