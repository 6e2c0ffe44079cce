import { type Actor, type CommandContext, type DomainEvent } from '#kernel';
import type { ProjectCommand } from './project.commands.js';
import { WorkflowRegistry } from '#workflow';
import { type ProjectDecider, createProjectDecider } from './project.decider.js';
import { educationWorkflowV1 } from './programs/education.workflow.js';
import { healthWorkflowV1 } from './programs/health.workflow.js';
import type { Program, ProjectState } from './project.state.js';

/** Test data shared by the projects specs (official codes from #territories). */
export const CODES = {
  region: '44',
  departement: '55',
  commune: '55029',
  academie: '12',
  otherAcademie: '01',
  cts: 'CTS-44-55',
  otherRegion: '11',
  uai: '0550001C',
  finess: '550000012',
};

const DAY = 86_400_000;
/**
 * The programs as they were before v2 (an instructeur validates; no committee, no signature): projects started on v1
 * finish on it, so its specs keep running on a registry where v1 is the latest.
 */
export const v1Registry = new WorkflowRegistry([educationWorkflowV1, healthWorkflowV1]);
export const v1ProjectDecider: ProjectDecider = createProjectDecider(v1Registry);

export const T0 = new Date('2026-03-02T08:00:00.000Z');
export const day = (n: number) => new Date(T0.getTime() + n * DAY);

const actor = (id: string, role: Actor['role'], scope: Actor['scope'] = {}): Actor => ({ id, role, scope });
/** The holder acts for the Meuse school and health body the fixtures' projects name; the other for another school. */
export const owner: Actor = { ...actor('holder-1', 'holder'), organisations: [CODES.uai, CODES.finess] };
export const otherHolder: Actor = { ...actor('holder-2', 'holder'), organisations: ['0550002D'] };
export const eduValidator = actor('val-edu', 'validator', { academies: [CODES.academie] });
export const eduOutsider = actor('val-paris', 'validator', { academies: [CODES.otherAcademie] });
export const arsValidator = actor('val-ars', 'validator', { regions: [CODES.region] });
export const ctsValidator = actor('val-cts', 'validator', { cts: [CODES.cts] });
export const healthOutsider = actor('val-idf', 'validator', { regions: [CODES.otherRegion] });
/** The académie's and the ARS's finance officer: finance acts only within its territory. */
export const finance = actor('fin-1', 'finance', { academies: [CODES.academie], regions: [CODES.region] });
export const system = actor('deadline-scheduler', 'system');
export const auditor = actor('aud-1', 'auditor');

export const validatorOf = (p: Program) => (p === 'education' ? eduValidator : arsValidator);
export const outsiderOf = (p: Program) => (p === 'education' ? eduOutsider : healthOutsider);
export const ctx = (a: Actor, now = T0): CommandContext => ({ actor: a, now });

export const PID = 'p-1';

export function declare(program: Program, now = T0): ProjectCommand {
  return {
    type: 'declare_intention',
    projectId: PID,
    program,
    ctx: ctx(owner, now),
    title: 'Un jardin pédagogique',
    description: 'Concertation avec les élèves et les familles',
    territory:
      program === 'education'
        ? { region: CODES.region, departement: CODES.departement, communeCode: CODES.commune, academie: CODES.academie }
        : { region: CODES.region, departement: CODES.departement, communeCode: CODES.commune, cts: CODES.cts },
    holder:
      program === 'education'
        ? { organisationId: CODES.uai, name: 'École de Bar-le-Duc' }
        : { organisationId: CODES.finess, name: 'MSP de la Meuse' },
    partners: [{ name: 'Mairie de Bar-le-Duc', kind: 'collectivite' }],
  };
}

export const completeDossier = (now = T0): ProjectCommand => ({
  type: 'edit_content',
  projectId: PID,
  ctx: ctx(owner, now),
  changes: {
    requestedAmountCents: 1_250_000,
    budgetLines: [
      { label: 'Matériel', amountCents: 1_000_000 },
      { label: 'Animation', amountCents: 500_000 },
    ],
  },
});

/** A legal command for `type` by an actor of the right role, with the data it needs. */
export function commandFor(program: Program, type: string, now = T0, who?: Actor): ProjectCommand {
  const base = { projectId: PID };
  const role = ROLE_OF[type] ?? 'holder';
  const a = who ?? (role === 'validator' ? validatorOf(program) : role === 'finance' ? finance : role === 'system' ? system : owner);
  const c = ctx(a, now);
  switch (type) {
    case 'validate':
      return { ...base, type, ctx: c, reason: 'Projet conforme', grantedAmountCents: 1_000_000 };
    case 'record_cts_opinion':
      return { ...base, type, ctx: c, reason: 'Avis du CTS du 12 mars', favourable: true };
    case 'start_financing':
      return { ...base, type, ctx: c, commitmentRef: 'EJ-2026-0042' };
    case 'submit_final_report':
      return { ...base, type, ctx: c, report: { summary: 'Bilan', spentAmountCents: 990_000 } };
    case 'request_completion':
    case 'reject':
    case 'reopen':
    case 'lapse':
      return { ...base, type, ctx: c, reason: 'Motif' } as ProjectCommand;
    default:
      return { ...base, type, ctx: c } as ProjectCommand;
  }
}

const ROLE_OF: Record<string, Actor['role']> = {
  start_analysis: 'validator',
  request_completion: 'validator',
  validate: 'validator',
  reject: 'validator',
  reopen: 'validator',
  refer_to_cts: 'validator',
  record_cts_opinion: 'validator',
  start_financing: 'finance',
  close: 'finance',
  lapse: 'system',
};

/** The commands that lead a new project to each state. */
export function pathTo(program: Program, state: string): ProjectCommand[] {
  const c = (type: string) => commandFor(program, type);
  const analysis = [declare(program), c('start_drafting'), completeDossier(), c('submit'), c('start_analysis')];
  const decision = program === 'health' ? [...analysis, c('refer_to_cts'), c('record_cts_opinion')] : analysis;
  const paths: Record<string, ProjectCommand[]> = {
    intention: [declare(program)],
    drafting: [declare(program), c('start_drafting')],
    submitted: analysis.slice(0, 4),
    under_analysis: analysis,
    completion_requested: [...analysis, c('request_completion')],
    cts_review: [...analysis, c('refer_to_cts')],
    validated: [...decision, c('validate')],
    rejected: [...decision, c('reject')],
    withdrawn: [declare(program), c('withdraw')],
    financing: [...decision, c('validate'), c('start_financing')],
    closed: [...decision, c('validate'), c('start_financing'), c('submit_final_report'), c('close')],
  };
  const path = paths[state];
  if (!path) throw new Error(`no path to ${state}`);
  return path;
}

/** Runs commands through the decider; returns every event and the final state. */
export function play(
  commands: ProjectCommand[],
  decider: ProjectDecider = v1ProjectDecider,
): { events: DomainEvent[]; state: ProjectState } {
  let state = decider.initialState();
  const events: DomainEvent[] = [];
  for (const command of commands) {
    const out = decider.decide(command, state);
    for (const e of out) state = decider.evolve(state, e);
    events.push(...out);
  }
  return { events, state };
}

export const historyTo = (program: Program, state: string) => play(pathTo(program, state)).events;
