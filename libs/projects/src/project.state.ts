import type { TransitionFacts, WorkflowInstance } from '#workflow';

export type Program = 'education' | 'health';
export const PROGRAMS: readonly Program[] = ['education', 'health'];

/** Official codes: INSEE région/département/commune, académie code, CTS (health territory) code. */
export interface Territory {
  region: string;
  departement: string;
  communeCode?: string;
  /** Required for education. */
  academie?: string;
  /** Health: the territory of the conseil territorial de santé, when known. */
  cts?: string;
}

/** The holding organisation: UAI (school) for education, FINESS (health body) for health. */
export interface Holder {
  organisationId: string;
  name: string;
}

export type PartnerKind = 'collectivite' | 'association' | 'entreprise' | 'etablissement' | 'cpam' | 'mdph' | 'autre';
export const PARTNER_KINDS: readonly PartnerKind[] = [
  'collectivite',
  'association',
  'entreprise',
  'etablissement',
  'cpam',
  'mdph',
  'autre',
];

export interface Partner {
  name: string;
  kind: PartnerKind;
  organisationId?: string;
}

export interface BudgetLine {
  label: string;
  amountCents: number;
}

/** Metadata only: the file itself is not stored. */
export interface Attachment {
  name: string;
  sizeBytes: number;
  /** Lowercase hex sha-256 of the content. */
  sha256: string;
}

export interface ProjectContent {
  title: string;
  description: string;
  territory: Territory;
  holder: Holder;
  /**
   * Other organisations holding the project with the principal holder (a multi-school project), counted in the holder's
   * territory; their members see it, the principal holder's act on it.
   */
  coHolders: Holder[];
  partners: Partner[];
  requestedAmountCents?: number;
  budgetLines: BudgetLine[];
  attachments: Attachment[];
}

export interface CtsOpinion {
  favourable: boolean;
  reason: string;
  by: string;
  at: string;
}

export interface FinalReport {
  summary: string;
  spentAmountCents: number;
  attachments?: Attachment[];
}

export interface Project {
  exists: true;
  id: string;
  program: Program;
  /** The person who declared the intention (for the record: who acts is whoever acts for a holder organisation). */
  declarant: string;
  declaredAt: string;
  content: ProjectContent;
  /** Definition version pinned at declaration, current state, open deadlines. */
  workflow: WorkflowInstance;
  /** Same as workflow.state, for readers. */
  status: string;
  grantedAmountCents?: number;
  commitmentRef?: string;
  ctsOpinion?: CtsOpinion;
  finalReport?: FinalReport;
  /** The award act's compte rendu financier deadline, while it is open. */
  reportDeadline?: ReportDeadline;
  /** The last formal notice (mise en demeure) to transmit it, once its deadline lapsed. */
  reportFormalNotice?: { deadlineId: string; actId: string; dueDay: string; at: string };
  lastTransition?: LastTransition;
  /** Event types this version does not know (written by a newer one): the project refuses to decide until upgraded. */
  unrecognisedEvents?: string[];
}

/** The last workflow step, as readers see it: the command, the facts and the values it brought. */
export interface LastTransition extends TransitionFacts {
  command: string;
  inputs?: Record<string, unknown>;
}

/** The open report deadline: the act it enforces, the day that act names, and when it lapses. */
export interface ReportDeadline {
  deadlineId: string;
  actId: string;
  reportDueOn: string;
  dueDay: string;
  dueAt: string;
}

export type ProjectState = { exists: false } | Project;

export const initialProjectState = (): ProjectState => ({ exists: false });

/** States in which the holder may edit the dossier. */
export const EDITABLE_STATES: readonly string[] = ['drafting', 'completion_requested'];

export const streamIdOf = (projectId: string) => `project-${projectId}`;
