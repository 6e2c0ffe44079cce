import { Query } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import type { DecisionRow } from '#projections';

/**
 * The `limit` (1..200, default 20) most recent decisions on `program`'s projects. The project, motivation and
 * author are given only to a principal (a token was sent); anonymous readers of a public dashboard get none.
 */
export class GetDecisions extends Query<{ items: DecisionRow[] }> {
  constructor(
    readonly principal: Actor | undefined,
    readonly limit?: string,
    readonly program?: string,
  ) {
    super();
  }
}
