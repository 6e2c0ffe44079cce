export * from './principal.js';
export * from './token-refusal.js';
export * from './jwt-keyring.js';
export * from './jwt.service.js';
export * from './demo-secret.js';
export * from './auth.decorators.js';
export * from './auth.guard.js';
export { bearerTokenOf } from './bearer-token.js';
export * from './principal-resolver.js';
