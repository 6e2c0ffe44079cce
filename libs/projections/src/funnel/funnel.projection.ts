import type { Database } from 'better-sqlite3';
import { ProjectEventType, TRANSITION_EVENT_TYPES, type IntentionDeclaredData, asProjectEvent } from '#projects';
import type { Projection } from '../runner/projection.js';
import { perConnection } from '../shared/batch-state.js';
import { projectIdOf } from '../shared/project-territory.js';
import { FunnelBatch } from './funnel.batch.js';
import { engagedOrganisations, funnelCell } from './funnel.cell.js';
import { COUNTS_SCHOOLS, contribution, type FunnelProjectState, reach } from './funnel.metrics.js';
import { ORGANISATION_REGISTERED, engageSchools, registerOrganisation, setupSchools } from './funnel.schools.js';

export const FUNNEL = 'funnel';

/**
 * The funnel by program, territory and status. Counts are kept per cell (program × région × académie × département ×
 * CTS, a few thousand rows at most) and summed up the territory tree at query time, so every level adds up to its
 * children; each project row keeps what it contributes, so a transition moves only the difference. Within a batch,
 * projects and cell deltas are kept in memory and written once per key in `endBatch`. Schools engaged and the kinds of
 * registered organisations (for the breakdown by school level) are in funnel.schools.ts.
 */
export const funnelProjection: Projection = {
  name: FUNNEL,
  // 3: intentions count schools (distinct UAI, co-holders too) for education; submitted ("à analyser") and the
  // instruction ("en cours d'instruction") are apart; health projects are counted in their département's académie;
  // deposits and validations per school level (funnel_projects.holder, funnel_organisations).
  version: 3,
  handles: [ProjectEventType.IntentionDeclared, ...TRANSITION_EVENT_TYPES, ORGANISATION_REGISTERED],
  tables: ['funnel_projects', 'funnel_cells', 'funnel_schools', 'funnel_organisations'],
  setup(db, prefix) {
    db.exec(`CREATE TABLE IF NOT EXISTS "${prefix}funnel_projects" (
        id TEXT PRIMARY KEY, program TEXT NOT NULL, region TEXT NOT NULL, academie TEXT NOT NULL,
        departement TEXT NOT NULL, cts TEXT NOT NULL, holder TEXT NOT NULL, deposited INTEGER NOT NULL,
        validated INTEGER NOT NULL, state TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS "${prefix}funnel_cells" (
        program TEXT NOT NULL, region TEXT NOT NULL, academie TEXT NOT NULL, departement TEXT NOT NULL, cts TEXT NOT NULL,
        metric TEXT NOT NULL, value INTEGER NOT NULL,
        PRIMARY KEY (program, region, academie, departement, cts, metric));`);
    setupSchools(db, prefix);
  },
  apply(db, event, prefix) {
    if (event.type === ORGANISATION_REGISTERED) return registerOrganisation(db, prefix, event);
    const s = stateOf(db, prefix);
    const id = projectIdOf(event.streamId);
    const e = asProjectEvent(event);
    switch (e?.type) {
      case undefined:
      case 'project.content_edited':
      case 'project.deadline_opened':
      case 'project.deadline_cancelled':
      case 'project.deadline_expired':
      case 'project.deadline_reminder_due':
      case 'project.report_formal_notice':
        return;
      case 'project.intention_declared':
        return declare(db, prefix, s, id, e.data);
      case 'project.validated':
        return move(s, id, e.data.to, e.data.grantedAmountCents);
      case 'project.drafting_started':
      case 'project.submitted':
      case 'project.analysis_started':
      case 'project.analysis_completed':
      case 'project.returned_to_instruction':
      case 'project.completion_requested':
      case 'project.resubmitted':
      case 'project.referred_to_cts':
      case 'project.cts_opinion_recorded':
      case 'project.rejected':
      case 'project.reopened':
      case 'project.withdrawn':
      case 'project.lapsed':
      case 'project.financing_started':
      case 'project.final_report_submitted':
      case 'project.closed':
        return move(s, id, e.data.to);
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  },
  endBatch(db, prefix) {
    stateOf(db, prefix).flush();
  },
  abortBatch(db, prefix) {
    stateOf(db, prefix).clear();
  },
};

/** A declaration; a re-declared project keeps its first cell and holder (as the stored row does). */
function declare(db: Database, prefix: string, s: FunnelBatch, id: string, d: IntentionDeclaredData): void {
  const state: FunnelProjectState = { status: d.state, milestones: [], grantedCents: 0 };
  const before = s.read(id);
  const engaged = engagedOrganisations(d);
  const cell = before ? before.cell : funnelCell(d);
  s.projects.set(id, { cell, holder: before ? before.holder : (engaged[0] ?? ''), state, dirty: true });
  s.move(cell, before ? contribution(before.state, cell.program) : {}, contribution(state, cell.program));
  if (COUNTS_SCHOOLS.has(cell.program)) {
    const schools = engageSchools(db, prefix, cell.program, engaged, cell);
    if (schools) s.move(cell, {}, { intentions: schools });
  }
}

/** A transition to `to`; a validation also sets the granted amount. */
function move(s: FunnelBatch, id: string, to: string, grantedCents?: number): void {
  const found = s.read(id);
  if (!found) return;
  const next: FunnelProjectState = {
    status: to,
    milestones: reach(found.state, to),
    grantedCents: grantedCents ?? found.state.grantedCents,
  };
  const before = found.state;
  found.state = next;
  found.dirty = true;
  s.move(found.cell, contribution(before, found.cell.program), contribution(next, found.cell.program));
}

const stateOf = perConnection((db, prefix) => new FunnelBatch(db, prefix));
