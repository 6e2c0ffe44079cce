import { Controller, Get, Inject, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { funnelAsOf, parseAsOf } from '#audit';
import { Public } from '#auth';
import { EVENT_STORE, type EventStore } from '#event-store';
import { invalid } from '#kernel';
import { DashboardQueries, isTerritoryLevel, ProjectionRunner, type TerritoryLevel } from '#projections';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { DashboardAccessGuard } from './dashboard-access.guard.js';
import { DashboardStream } from './dashboard-stream.service.js';
import { workflowDiagrams } from './workflow-diagrams.js';

const PROGRAMS = ['education', 'health'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function level(v: string | undefined, fallback: TerritoryLevel): TerritoryLevel {
  if (v === undefined || v === '') return fallback;
  if (!isTerritoryLevel(v)) throw invalid('DASHBOARD_INVALID_QUERY', 'level', 'region | academie | departement | cts');
  return v;
}

function program(v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!PROGRAMS.includes(v)) throw invalid('DASHBOARD_INVALID_QUERY', 'program', 'education | health');
  return v;
}

function parent(v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  const [l, code] = v.split(':');
  if (!isTerritoryLevel(l) || !code || !/^[0-9A-Za-z-]{1,16}$/.test(code))
    throw invalid('DASHBOARD_INVALID_QUERY', 'parent', '<level>:<code>, e.g. region:44');
  return v;
}

/** Aggregated figures: public when PUBLIC_DASHBOARD is true, else behind a token (DashboardAccessGuard). */
@ApiTags('dashboard')
@ApiBearerAuth()
@Public()
@UseGuards(DashboardAccessGuard)
@Controller('dashboard')
export class DashboardController {
  constructor(
    @Inject(DashboardQueries) private readonly queries: DashboardQueries,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(DashboardStream) private readonly stream: DashboardStream,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: "Everything the dashboard shows, at the read models' position (what the stream sends)" })
  @ApiQuery({ name: 'minPosition', required: false })
  async summary(@Req() req: FastifyRequest, @Query('minPosition') minPosition?: string) {
    await this.ryw.waitFor(req, { minPosition });
    return this.queries.snapshot(this.runner.position(), this.clock.now());
  }

  @Get('funnel')
  @ApiOperation({ summary: 'Funnel per program: intentions, drafting, deposited, to analyse, to complete, validated, rejected, financed' })
  @ApiQuery({ name: 'within', required: false, description: 'a territory, e.g. region:44 or academie:12' })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'ISO 8601 date-time or log position: the funnel as it was then, folded from the log',
  })
  async funnel(
    @Req() req: FastifyRequest,
    @Query('within') within?: string,
    @Query('minPosition') minPosition?: string,
    @Query('asOf') asOf?: string,
  ) {
    if (asOf !== undefined) {
      const then = await funnelAsOf(this.store, parseAsOf(asOf), { within: parent(within) });
      return { position: then.position, asOf: then.asOf, programs: then.programs };
    }
    await this.ryw.waitFor(req, { minPosition });
    return { position: this.runner.position().toString(), programs: this.queries.funnel.byProgram(parent(within)) };
  }

  @Get('territories')
  @ApiOperation({ summary: 'Funnel per territory (région / académie / département / CTS), with drill-down by parent' })
  @ApiQuery({ name: 'level', required: false })
  @ApiQuery({ name: 'parent', required: false })
  @ApiQuery({ name: 'program', required: false })
  territories(@Query('level') l?: string, @Query('parent') p?: string, @Query('program') prog?: string) {
    return { items: this.queries.funnel.territories({ level: level(l, 'region'), parent: parent(p), program: program(prog) }) };
  }

  @Get('envelopes')
  @ApiOperation({ summary: 'AE/CP credits, consumption and availability per envelope, by fund, territory and year (cents)' })
  @ApiQuery({ name: 'fund', required: false })
  @ApiQuery({ name: 'territory', required: false })
  @ApiQuery({ name: 'year', required: false })
  envelopes(@Query('fund') fund?: string, @Query('territory') territory?: string, @Query('year') year?: string) {
    if (fund && !['fip', 'fir'].includes(fund)) throw invalid('DASHBOARD_INVALID_QUERY', 'fund', 'fip | fir');
    if (year && !/^\d{4}$/.test(year)) throw invalid('DASHBOARD_INVALID_QUERY', 'year', 'a 4-digit year');
    return {
      items: this.queries.envelopes.list({
        fund: fund || undefined,
        territory: territory || undefined,
        year: year ? Number(year) : undefined,
      }),
    };
  }

  @Get('workload')
  @ApiOperation({ summary: "Validators' queue per territory: counts, ages, deadlines overdue or due within 7 days" })
  @ApiQuery({ name: 'level', required: false })
  @ApiQuery({ name: 'program', required: false })
  workload(@Query('level') l?: string, @Query('program') prog?: string) {
    return {
      asOf: this.clock.now().toISOString(),
      items: this.queries.workload.byTerritory(level(l, 'region'), this.clock.now(), program(prog)),
    };
  }

  @Get('decisions')
  @ApiOperation({ summary: 'Recent decisions; the project, motivation and author only with a token' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'program', required: false })
  decisions(@Req() req: FastifyRequest & { actor?: unknown }, @Query('limit') limit?: string, @Query('program') prog?: string) {
    const n = limit === undefined || limit === '' ? 20 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 200) throw invalid('DASHBOARD_INVALID_QUERY', 'limit', 'an integer from 1 to 200');
    return { items: this.queries.decisions.recent(n, req.actor !== undefined, program(prog)) };
  }

  @Get('series')
  @ApiOperation({ summary: 'Daily counts and amounts (projects by program; money by fund)' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'scope', required: false })
  series(@Query('from') from?: string, @Query('to') to?: string, @Query('scope') scope?: string) {
    for (const [field, v] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (v && !DAY.test(v)) throw invalid('DASHBOARD_INVALID_QUERY', field, 'YYYY-MM-DD');
    }
    return { items: this.queries.series.points({ from: from || undefined, to: to || undefined, scope: scope || undefined }) };
  }

  @Get('workflows')
  @ApiOperation({ summary: "Each program's workflow: states, transitions (with roles) and the Mermaid text" })
  workflows() {
    return { items: workflowDiagrams() };
  }

  /** Server-Sent Events; left out of OpenAPI (it never ends, which a documentation client cannot read). */
  @Get('stream')
  @ApiExcludeEndpoint()
  live(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query('lastEventId') lastEventIdQuery?: string) {
    const raw = (req.headers['last-event-id'] as string | undefined) ?? lastEventIdQuery;
    const lastEventId = raw !== undefined && /^\d{1,15}$/.test(raw) ? BigInt(raw) : undefined;
    reply.hijack();
    this.stream.connect(reply.raw, lastEventId);
  }
}
