import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import type { TokenClaims } from '#auth';
import type { Actor } from '#kernel';
import { GrantAccess } from './grant-access/grant-access.command.js';

const OPERATOR: Actor = { id: 'system:operator', role: 'system', scope: {} };

/**
 * Records in the directory the habilitation a token claims (demo tokens, `cli token` in demo mode, test fixtures): the
 * resolver then honours it like any other. Granting the same role and scope again writes nothing.
 */
export async function grantClaims(commands: CommandBus, claims: TokenClaims & { capacity?: string }, causation: string): Promise<void> {
  const meta = { principal: OPERATOR, correlationId: randomUUID(), causationId: causation };
  const grant = { role: claims.role, scope: claims.scope, ...(claims.capacity ? { capacity: claims.capacity } : {}) };
  await commands.execute(new GrantAccess(claims.sub, grant, meta));
}
