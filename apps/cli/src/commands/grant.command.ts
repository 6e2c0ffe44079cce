import { Command, Option } from 'nest-commander';
import { GRANTED_ROLES, type GrantedRole } from '#directory';
import { DomainError } from '#kernel';
import { grantClaims } from '../../../api/src/directory/grant-for-token.js';
import { withDirectoryCommands } from '../directory-commands.js';
import { ScopedCommand, type ScopeOptions, scopeOf } from './scope-options.js';

interface GrantOptions extends ScopeOptions {
  role?: string;
  sub?: string;
  capacity?: string;
}

/** The operator records a habilitation (the first administrator's, typically): the same GrantAccess command as HTTP. */
@Command({ name: 'grant', description: "record a person's habilitation (role over a territory) in the directory" })
export class GrantCommand extends ScopedCommand<GrantOptions> {
  async execute(_params: string[], values: GrantOptions): Promise<number> {
    if (!GRANTED_ROLES.includes(values.role as GrantedRole)) this.usageError(`--role must be one of ${GRANTED_ROLES.join(', ')}`);
    if (!values.sub) this.usageError('--sub <id> is required: the person’s directory id (their tokens’ subject)');
    const scoped = scopeOf(values);
    if ('bad' in scoped) this.usageError(`territory code "${scoped.bad}" is not a code (letters, digits, -)`);
    const claims = { sub: values.sub, role: values.role as GrantedRole, scope: scoped.scope, capacity: values.capacity };
    try {
      await withDirectoryCommands((commands) => grantClaims(commands, claims, 'cli:grant'));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      process.stderr.write(`${error.code}: ${error.message}\n`);
      return 1;
    }
    process.stdout.write(`granted: ${values.sub} ${values.role} ${JSON.stringify(scoped.scope)}\n`);
    return 0;
  }

  @Option({ flags: '--sub <id>', description: 'the person’s directory id (their tokens’ subject)' })
  sub(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: `the role granted: ${GRANTED_ROLES.join(' | ')}` })
  role(value: string): string {
    return value;
  }

  @Option({ flags: '--capacity <capacity>', description: "a decider's signing capacity (recteur, ia_dasen, dg_ars…)" })
  capacity(value: string): string {
    return value;
  }
}
