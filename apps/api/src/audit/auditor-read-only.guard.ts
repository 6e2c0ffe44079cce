import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { DomainError } from '#kernel';
import { bearerTokenOf, JwtService } from '#auth';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The auditor reads, replays and verifies; it writes nothing, whatever a route's own checks say. Runs as a
 * global guard beside AuthGuard (whose order it does not rely on: it reads the token itself, writes only).
 */
@Injectable()
export class AuditorReadOnlyGuard implements CanActivate {
  constructor(@Inject(JwtService) private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ method: string; headers: Record<string, string | undefined> }>();
    if (READS.has(request.method.toUpperCase())) return true;
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) return true; // AuthGuard answers 401
    const role = await this.jwt.verify(token).then(
      (c) => c.role,
      () => undefined,
    );
    if (role === 'auditor') {
      throw new DomainError('forbidden', 'AUDITOR_READ_ONLY', 'Le rôle auditeur lit et vérifie ; il n’écrit rien.');
    }
    return true;
  }
}
