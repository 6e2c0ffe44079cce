import { Query } from '@nestjs/cqrs';
import type { FunnelFigures, SchoolLevelRow } from '#projections';

export interface FunnelView {
  position: string;
  /** Present when the funnel was folded from the log as it was then. */
  asOf?: string;
  programs: Record<string, FunnelFigures>;
  /** The education figures per school level (intentions, deposits, validations), within the same territory. */
  schoolLevels: SchoolLevelRow[];
}

/**
 * The funnel per program, narrowed to the territory `within` (`<level>:<code>`): from the read models once they reach
 * `minPosition`, or as it was at `asOf` (a date-time or a log position), folded from the log.
 */
export class GetFunnel extends Query<FunnelView> {
  constructor(
    readonly within?: string,
    readonly minPosition?: string,
    readonly asOf?: string,
  ) {
    super();
  }
}
