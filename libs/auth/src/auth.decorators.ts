import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '#kernel';
import type { Role } from './principal.js';

export const PUBLIC_ROUTE = 'refonda:public';
export const ROLES_ALLOWED = 'refonda:roles';

/** The route needs no token (health, docs, public dashboard). Every other route does. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const OWN_AUTHENTICATION = 'refonda:own-authentication';

/** The route checks its caller itself (GET /metrics: a scraper's static token is not a JWT); the global guard lets it through. */
export const OwnAuthentication = () => SetMetadata(OWN_AUTHENTICATION, true);

/** Only these roles may call the route (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_ALLOWED, roles);

/** The authenticated actor, set by the auth guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
