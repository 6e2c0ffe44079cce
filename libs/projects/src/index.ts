export * from './project.state.js';
export * from './project.events.js';
export * from './project.commands.js';
export { decideProject } from './project.decide.js';
export { evolveProject } from './project.evolve.js';
export * from './project.decider.js';
export * from './project.actions.js';
export { subjectOf } from './project.subject.js';
export * from './project.validation.js';
export { educationWorkflowV1 } from './programs/education.workflow.js';
export { healthWorkflowV1 } from './programs/health.workflow.js';
export { educationWorkflowV2 } from './programs/education.workflow.v2.js';
export { healthWorkflowV2 } from './programs/health.workflow.v2.js';
export * from './programs/cts-participation.js';
export { PROGRAM_DEFINITIONS, createProgramRegistry, programRegistry } from './programs/program.registry.js';
export * from './project.upcasts.js';
export * from './project.policy.js';
export * from './project.signature.js';
export {
  REPORT_DEADLINE,
  REPORT_FORMAL_NOTICE_REASON,
  REPORT_REMINDER_DAYS,
  cancelReportDeadline,
  expireReportDeadline,
  openReportDeadline,
} from './project.report-deadline.js';
