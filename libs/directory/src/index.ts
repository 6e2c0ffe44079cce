export * from './organisation.events.js';
export { SCHEMES_OF_KIND, checkedIban, checkedIdentifier } from './organisation.identifiers.js';
export { type OrganisationCommand, type OrganisationState, organisationDecider } from './organisation.decider.js';
export { canManageOrganisation } from './organisation.policy.js';
