export * from './award-act.events.js';
export * from './award-act.form.js';
export {
  type AwardAct,
  type AwardActAmendment,
  type AwardActState,
  type AwardActStatus,
  evolveAwardAct,
  initialAwardActState,
  isFullySigned,
} from './award-act.state.js';
export { assertCanCountersign, assertCanDraftAwardAct, assertCanSignAwardAct, canReadAwardAct } from './award-act.policy.js';
export { latestReportDueOn } from './award-act.validation.js';
export { defaultSchedule } from './award-act.schedule.js';
export * from './award-act.decider.js';
export { type EnvelopeCandidate, type ProjectToFund, envelopeCandidates, fundOfProgram } from './envelope-candidates.js';
export { type ReviewFacts, type ReviewReport, dueAfterReview, reviewConsequence } from './award-act.review.js';
export { type CommitmentFigures, type SettlementGap, settlementGaps } from './award-act.settlement.js';
export { type AmendAwardAct, type AmendmentFacts, type CountersignAmendment, amendedSchedule } from './award-act.amendment.js';
