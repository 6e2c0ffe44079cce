export * from './interest.events.js';
export {
  type InterestCommand,
  type InterestsState,
  canDeclareInterests,
  checkedOrganisationId,
  checkedPersonId,
  interestsDecider,
  interestsEvolution,
  interestsStreamId,
} from './interest.decider.js';
export { type ConflictingLink, type PartyRole, type ProjectParties, conflictingLinks, sameOrganisation } from './conflicts.js';
export { partiesOfProject } from './project-parties.js';
export * from './session.state.js';
export * from './session.events.js';
export * from './session.commands.js';
export { foldSession, sessionDecider, sessionEvolution } from './session.decider.js';
export { requiredVoting, tallyOf } from './session.quorum.js';
export { PROGRAM_OF_KIND, canManageSession, canReadSession, sessionNotFound } from './session.territory.js';
