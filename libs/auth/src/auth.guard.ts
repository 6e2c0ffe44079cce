import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '#kernel';
import { OWN_AUTHENTICATION, PUBLIC_ROUTE, ROLES_ALLOWED } from './auth.decorators.js';
import { bearerTokenOf } from './bearer-token.js';
import { JwtService } from './jwt.service.js';
import type { Role } from './principal.js';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from './principal-resolver.js';
import { InvalidTokenError } from './token-refusal.js';

type Reply = { header(name: string, value: string): unknown };

/** RFC 6750 §3: a 401 says which scheme to use, and why a token sent was refused. */
function refuse(reply: Reply, challenge: string, error: DomainError): never {
  reply.header('WWW-Authenticate', challenge);
  throw error;
}

/** Global guard: no route is open unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(PRINCIPAL_RESOLVER) private readonly directory: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const http = context.switchToHttp();
    const request = http.getRequest<{ headers: Record<string, string | undefined>; actor?: unknown; query?: Record<string, unknown> }>();
    const reply = http.getResponse<Reply>();
    if (this.reflector.getAllAndOverride<boolean>(OWN_AUTHENTICATION, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets);
    const header = request.headers.authorization;
    if (!header) {
      if (isPublic) return true;
      refuse(
        reply,
        'Bearer realm="refonda"',
        new DomainError('unauthenticated', 'AUTH_REQUIRED', 'Un jeton d’accès est requis : en-tête « Authorization: Bearer <jeton> ».'),
      );
    }
    const token = bearerTokenOf(header);
    if (!token) {
      refuse(
        reply,
        'Bearer realm="refonda", error="invalid_request"',
        new DomainError('unauthenticated', 'AUTH_MALFORMED', 'L’en-tête Authorization doit avoir la forme « Bearer <jeton> ».'),
      );
    }
    let claims;
    try {
      claims = await this.jwt.verify(token);
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.reason : 'malformed';
      refuse(
        reply,
        'Bearer realm="refonda", error="invalid_token"',
        new DomainError('unauthenticated', 'AUTH_INVALID', `Jeton refusé : ${(error as Error).message}.`, { reason }),
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_ALLOWED, targets);
    if (roles && !roles.includes(claims.role)) {
      throw new DomainError(
        'forbidden',
        'ROLE_FORBIDDEN',
        `Le rôle « ${claims.role} » ne permet pas cette action ; rôles autorisés : ${roles.join(', ')}.`,
        {
          allowedRoles: roles,
        },
      );
    }
    request.actor = await this.directory.actorOf(claims);
    return true;
  }
}
