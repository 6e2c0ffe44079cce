import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { JwtService, PRINCIPAL_RESOLVER, type PrincipalResolver } from '#auth';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../infrastructure/tokens.js';

/**
 * The PUBLIC_DASHBOARD switch. Dashboard routes are @Public() for the global guard (which still
 * verifies a bearer token when one is sent); this guard then lets anyone in when the dashboard is
 * public, and otherwise requires a token: the Authorization header, or `access_token` in the query
 * for the event stream (EventSource cannot send headers).
 */
@Injectable()
export class DashboardAccessGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(PRINCIPAL_RESOLVER) private readonly directory: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ actor?: unknown; query?: Record<string, unknown> }>();
    if (request.actor) return true;
    const token = request.query?.['access_token'];
    if (typeof token === 'string' && token !== '') {
      const claims = await this.jwt.verify(token).catch((error: Error) => {
        throw new DomainError('unauthenticated', 'AUTH_INVALID', `Jeton refusé : ${error.message}`);
      });
      request.actor = await this.directory.actorOf(claims);
      return true;
    }
    if (this.config.publicDashboard) return true;
    throw new DomainError(
      'unauthenticated',
      'AUTH_REQUIRED',
      'Le tableau de bord n’est pas public (PUBLIC_DASHBOARD=false) : un jeton d’accès est requis.',
    );
  }
}
