import { currentFundingFacts, v1FundingFacts } from './log-v1-funding.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type ApiHarness, FakeClock, startApi } from '../support/api-harness.js';
import { READERS, type RecordedRead, readAs } from '../support/log-v1/capture.js';
import { logV1Reads as recorded, logV1Scenario as scenario, serveLogV1Copy } from '../support/log-v1/serve-copy.js';
import { type Row, type Scope, V1Counting } from './log-v1-counting.js';
import { withCurrentWording } from './log-v1-wording.js';
import { currentLedgerOfV1 } from './log-v1-ledger.js';
import { parseCsv } from '../audit/support/parse-csv.js';
import { withDirectory, withoutGrants } from './log-v1-directory.js';
import { withYearBoundary } from './log-v1-year-boundary.js';
import { withProjectMoney } from './log-v1-money-history.js';
import { diagramOf, expectVersion2OfVersion1, servedAsVersion1, withVersion2Listed } from './log-v1-versions.js';

// A log written by the code before the architecture redesign (test/fixtures/log-v1/README.md), with what that code
// answered on it. The current code must read it back to the same states and read models, and verify its chains.
const run = promisify(execFile);

/**
 * The shapes changed on purpose since v1, mapped explicitly. Errors: v1 answered { statusCode, code, message, field, rule,
 * …facts }; now RFC 9457 problem details { type, title, status, detail (French), code, errors: [{ field, rule }], …facts }.
 */
function asProblemDetails(v1: RecordedRead): Record<string, unknown> {
  const { statusCode, message: _message, field, rule, errors: _errors, ...facts } = v1.body as Record<string, unknown>;
  return {
    status: v1.status,
    body: { status: statusCode, ...facts, ...(field === undefined ? {} : { errors: [expect.objectContaining({ field, rule })] }) },
  };
}

/** Written out here, apart from the code under test: the typed event each v1 command now reads as. */
const TYPE_OF_V1_COMMAND: Record<string, string> = {
  start_drafting: 'project.drafting_started',
  submit: 'project.submitted',
  start_analysis: 'project.analysis_started',
  request_completion: 'project.completion_requested',
  resubmit: 'project.resubmitted',
  refer_to_cts: 'project.referred_to_cts',
  record_cts_opinion: 'project.cts_opinion_recorded',
  validate: 'project.validated',
  reject: 'project.rejected',
  reopen: 'project.reopened',
  withdraw: 'project.withdrawn',
  lapse: 'project.lapsed',
  start_financing: 'project.financing_started',
  submit_final_report: 'project.final_report_submitted',
  close: 'project.closed',
};
const v1Log = (recorded.find((r) => r.path === '/audit/log.jsonl')!.body as string)
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
/** Each envelope's carry-over, as v1's log opened it. */
const carryOverOf = (envelopeId: string) =>
  v1Log.find((e) => e.type === 'envelope.opened' && e.data.envelopeId === envelopeId)?.data.carryOver;
/** The projects' titles as v1 served them (GET /projects/:id): the ledger's title column. */
const v1Titles = new Map(
  recorded
    .filter((r) => /^\/projects\/[^/?]+$/.test(r.path) && r.as === 'auditor')
    .map((r) => [(r.body as { id: string }).id, (r.body as { content: { title: string } }).content.title]),
);
const v1CommandOf = new Map<string, string>(v1Log.filter((e) => e.type === 'project.transitioned').map((e) => [e.id, e.data.command]));

/** History entries: a v1 'project.transitioned' entry is now listed under the typed event it stands for. */
function withTypedHistory(v1: RecordedRead): RecordedRead {
  const body = v1.body as { events: { eventId: string; type: string }[] };
  const events = body.events.map((e) =>
    e.type === 'project.transitioned' ? { ...e, type: TYPE_OF_V1_COMMAND[v1CommandOf.get(e.eventId)!]! } : e,
  );
  return { ...v1, body: { ...body, events } };
}

/**
 * Definitions: each transition now names its business event; finance now has a territory rule (v1 let any finance officer
 * act on any project's financing).
 */
const FINANCE_RULE: Record<string, { scope: string; field: string }[]> = {
  education: [{ scope: 'academies', field: 'academie' }],
  health: [{ scope: 'regions', field: 'region' }],
};
function withFinanceTerritory(v1: RecordedRead): RecordedRead {
  const body = v1.body as { program: string; access: { territory: Record<string, unknown> }; transitions: { command: string }[] };
  const territory = { ...body.access.territory, finance: FINANCE_RULE[body.program] };
  const transitions = body.transitions.map((t) => ({ ...t, event: TYPE_OF_V1_COMMAND[t.command] }));
  return { ...v1, body: { ...withDeadlineSettings(body), transitions, access: { ...body.access, territory } } };
}

/** Issue 14 §6: each program's completion deadline has its calendar settings and a French lapse reason. */
function withDeadlineSettings<B extends { program: string }>(body: B): B {
  const { deadlines } = body as unknown as { deadlines: { onExpiry: { command: string } }[] };
  const settings = { suspendDuringSchoolHolidays: body.program === 'education', reminderDaysBefore: 7 };
  const reason = 'Délai de complément dépassé : dossier classé sans suite';
  return { ...body, deadlines: deadlines.map((d) => ({ ...d, ...settings, onExpiry: { ...d.onExpiry, reason } })) };
}

/** v1's names of the AE and CP figures (envelope balances, per year too, and the dashboard's envelope rows). */
const V1_CREDIT_FIGURES = new Set([
  'notified',
  'reduced',
  'received',
  'transferredIn',
  'transferredOut',
  'allocated',
  'committed',
  'released',
  'paid',
  'recovered',
  'carriedIn',
  'carriedOut',
  'lapsed',
  'available',
  'credits',
  'consumed',
]);

/**
 * Money renamed on purpose since v1 (one amount rule on the wire: an integer amount is named …Cents; fr-FR text for people
 * is `display`). Only names move; every value still compares exactly:
 * - envelope balances (GET /envelopes/:id, its ?asOf=, GET /envelopes; totals and years[]): ae.notified → ae.notifiedCents,
 *   and every AE and CP figure the same way (reduced, received, …, available); the fr-FR `display` block is unchanged;
 * - dashboard envelope rows (GET /dashboard/envelopes, /dashboard/summary): ae and cp credits, consumed, available → …Cents;
 * - funnel figures (GET /dashboard/funnel, /dashboard/territories, /dashboard/summary): granted_cents → grantedCents;
 * - GET /projects/:id/funding: compared by the facts both views give (log-v1-funding.ts).
 */
function withCurrentMoneyNames(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => withCurrentMoneyNames(item, parentKey));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      if ((key === 'ae' || key === 'cp') && parentKey !== 'display') {
        const renamed = (figure: string, v: unknown) =>
          V1_CREDIT_FIGURES.has(figure) && typeof v === 'number' ? `${figure}Cents` : figure;
        return [key, Object.fromEntries(Object.entries(child as Record<string, unknown>).map(([f, v]) => [renamed(f, v), v]))];
      }
      if (key === 'granted_cents') return ['grantedCents', child];
      if (key === 'amount' && (parentKey === 'payments' || parentKey === 'recoveries')) return ['display', child];
      return [key, withCurrentMoneyNames(child, key)];
    }),
  );
}

/**
 * GET /envelopes/:id lists its first 50 commitments and where the next page starts (issue 15 §6: an answer that does not
 * grow with the envelope): v1's envelopes hold fewer, so their list is whole and `commitmentsNextFrom` null.
 */
function withCommitmentPaging(v1: RecordedRead): RecordedRead {
  if (!/^\/envelopes\/[^/?]+(\?|$)/.test(v1.path) || v1.status !== 200) return v1;
  const body = v1.body as { commitmentList: unknown[] };
  expect(body.commitmentList.length).toBeLessThanOrEqual(50);
  return { ...v1, body: { ...body, commitmentsNextFrom: null } };
}

/** The funnel reads as counted now (log-v1-counting.ts). */
function withCurrentCounting(v1: RecordedRead): RecordedRead {
  const url = new URL(v1.path, 'http://v1');
  const q = url.searchParams;
  const body = v1.body as Record<string, any>;
  const asOf = q.get('asOf');
  const counting = new V1Counting(v1Log, asOf === null ? undefined : BigInt(asOf));
  const healthByRegion = (recorded.find((r) => r.path === '/dashboard/territories?program=health')!.body as { items: Row[] }).items;
  const within = (territory: string | null): Scope => (territory ? { [territory.split(':')[0]!]: territory.split(':')[1] } : {});
  const funnel = (programs: Record<string, Record<string, number>>, scope: Scope) =>
    Object.fromEntries(
      Object.entries(programs).map(([program, f]) => {
        const v1Figures = program === 'health' && scope.academie ? counting.healthOfAcademie(scope.academie, f, healthByRegion) : f;
        return [program, counting.figures(v1Figures, { ...scope, program })];
      }),
    );
  const levels = (programs: Record<string, Record<string, number>>, scope: Scope) =>
    counting.schoolLevels(programs['education']!, { ...scope, program: 'education' });
  const rows = (level: keyof Scope, items: Row[], program?: string) =>
    counting.rows(level, items, healthByRegion, body['funnel']?.education ?? finalEducation, program);
  let mapped: Record<string, unknown>;
  if (url.pathname === '/dashboard/funnel') {
    const scope = within(q.get('within'));
    mapped = { ...body, programs: funnel(body['programs'], scope), schoolLevels: levels(body['programs'], scope) };
  } else if (url.pathname === '/dashboard/territories') {
    mapped = { items: rows((q.get('level') ?? 'region') as keyof Scope, body['items'], q.get('program') ?? undefined) };
  } else if (url.pathname === '/dashboard/summary') {
    const territories = (['region', 'academie', 'departement', 'cts'] as const).flatMap((level) =>
      rows(
        level,
        (body['territories'] as Row[]).filter((r) => r.level === level),
      ),
    );
    mapped = { ...body, funnel: funnel(body['funnel'], {}), schoolLevels: levels(body['funnel'], {}), territories };
  } else return v1;
  return { ...v1, body: mapped };
}
const finalEducation = (recorded.find((r) => r.path === '/dashboard/funnel')!.body as Record<string, any>)['programs'].education;

describe('a log written by Refonda v1 (every event type, every transition of both programs)', () => {
  let api: ApiHarness;
  let dataDir: string;
  beforeAll(async () => {
    // The log and the processes' state files as v1 left them; the read models are rebuilt from the log.
    ({ api, dataDir } = await serveLogV1Copy());
    // The upgrade's one write: the habilitations of v1's users, recorded in the directory (appended after the v1 log).
    for (const reader of Object.values(READERS)) await api.token(reader as never);
    head = await api.headPosition();
  });
  let head: string;
  const v1Events = async () => {
    const all = await (api.app.get(EVENT_STORE) as EventStore).readAll({ stored: true });
    return all.filter((e) => e.position <= BigInt(scenario.headPosition));
  };
  afterAll(async () => {
    await api.close();
  });

  it('holds every v1 event type as stored, and reads the generic v1 transition as typed business events', async () => {
    const store = api.app.get(EVENT_STORE) as EventStore;
    const stored = new Set((await v1Events()).map((e) => e.type));
    expect([...stored].sort()).toEqual(scenario.eventTypes);
    expect(scenario.eventTypes).toHaveLength(21);
    const read = new Set((await store.readAll()).map((e) => e.type));
    expect(read.has('project.transitioned')).toBe(false);
    expect([...read].filter((t) => t.startsWith('project.')).sort()).toEqual(
      [
        ...new Set([
          ...Object.values(TYPE_OF_V1_COMMAND),
          'project.intention_declared',
          'project.content_edited',
          'project.deadline_opened',
          'project.deadline_cancelled',
          'project.deadline_expired',
        ]),
      ].sort(),
    );
  });

  it.each(recorded.map((r, i) => [i, r.as, r.path, r] as const))('read %i (%s) GET %s answers as v1 did', async (_i, as, path, v1) => {
    const read = withoutGrants(await readAs(api, path, as));
    const paged = withCommitmentPaging(
      withDirectory(withCurrentCounting({ ...v1, body: withCurrentWording(v1.body) }), scenario.headPosition, head),
    );
    const expected = path.startsWith('/envelopes') ? { ...paged, body: withYearBoundary(paged.body, carryOverOf) } : paged;
    if (expected.status >= 400) expect(read).toMatchObject(asProblemDetails(expected));
    else if (path.endsWith('/history')) {
      const history = withTypedHistory(expected);
      expect(read).toEqual(path.startsWith('/projects/') ? withProjectMoney(history, recorded, v1Log) : history);
    } else if (path.endsWith('/funding')) {
      expect(read.status).toBe(expected.status);
      expect(currentFundingFacts(read.body as never)).toEqual(v1FundingFacts(expected.body as never));
    } else if (/^\/programs\/[a-z]+\/workflow$/.test(path)) {
      // The latest definition is v2 now (log-v1-versions.ts): v1's is served under ?version=1.
      const [asV1, latest] = await Promise.all([readAs(api, `${path}?version=1`, as), readAs(api, `${path}?version=2`, as)]);
      expect(asV1).toEqual(servedAsVersion1(withFinanceTerritory(expected)));
      expect(read).toEqual({ ...latest, path });
      expectVersion2OfVersion1(asV1.body as never, read.body as never);
    } else if (path === '/dashboard/workflows') {
      // The dashboard draws the latest definitions, v2's now (log-v1-versions.ts): v1's diagrams are ?version=1's.
      const items = (expected.body as { items: { program: string }[] }).items;
      const views = (version: number) =>
        Promise.all(items.map(async (i) => (await readAs(api, `/programs/${i.program}/workflow?version=${version}`, as)).body as never));
      const [v1Views, v2Views] = [await views(1), await views(2)];
      expect(v1Views.map(diagramOf)).toEqual(items);
      expect(read).toEqual({ ...expected, body: { items: v2Views.map(diagramOf) } });
      v1Views.forEach((v1, i) => expectVersion2OfVersion1(v1, (read.body as { items: never[] }).items[i]!));
    } else if (path === '/programs') expect(read).toEqual(withVersion2Listed(expected));
    else if (path === '/audit/ledger.csv') {
      // One row per money movement now, signed, in French (log-v1-ledger.ts).
      expect(read.status).toBe(200);
      expect(parseCsv(read.body as string, ';')).toEqual(currentLedgerOfV1(v1, v1Log, v1Titles));
    } else expect(read).toEqual({ ...expected, body: withCurrentMoneyNames(expected.body) });
  });

  it('appends nothing while projections and processes replay it (no reaction runs twice)', async () => {
    // Past the v1 log, only the habilitations this test recorded.
    const store = api.app.get(EVENT_STORE) as EventStore;
    expect((await store.headPosition()).toString()).toBe(head);
    const after = await store.readAll({ fromPosition: BigInt(scenario.headPosition) + 1n });
    expect(after.map((e) => e.type)).toEqual(
      Object.values(READERS)
        .map(() => 'access.granted')
        .concat('access.granted'),
    );
  });

  it('passes audit verify: the hash chains cover the stored bytes', async () => {
    await api.close(true);
    const { stdout } = await run(process.execPath, ['dist/apps/cli/src/main.js', 'audit', 'verify'], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    // The v1 log and the habilitations after it: every chain checks, up to the head.
    expect(stdout).toContain(`at position ${head} (equals log_head)`);
    api = await startApi({}, dataDir, new FakeClock(new Date(scenario.clock)));
  });
});
