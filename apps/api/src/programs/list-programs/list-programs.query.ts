import { Query } from '@nestjs/cqrs';

export interface ProgramSummary {
  program: string;
  title: string;
  definitionId: string;
  latestVersion: number;
  versions: number[];
  /** Where the program's workflow is read. */
  workflow: string;
}

/** The programs (education / FIP, health / FIR) and the versions of their workflow definition. */
export class ListPrograms extends Query<{ items: ProgramSummary[] }> {}
