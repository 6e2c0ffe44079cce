export * from './organisation.events.js';
export { SCHEMES_OF_KIND, checkedIban, checkedIdentifier } from './organisation.identifiers.js';
export { type OrganisationCommand, type OrganisationState, organisationDecider } from './organisation.decider.js';
export { canManageOrganisation, canSeePayee } from './organisation.policy.js';
export * from './access.events.js';
export { type AccessCommand, type AccessState, accessDecider, grantIdOf, normalizedScope } from './access.decider.js';
export { type ClaimedPrincipal, type DirectoryFacts, actorFromDirectory } from './authority.js';
