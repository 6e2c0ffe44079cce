import { Injectable, Module } from '@nestjs/common';
import { CommandRunner, InjectCommander } from 'nest-commander';
import { AuditCommand } from './commands/audit.command.js';
import { BackupCommand, RestoreCommand } from './commands/backup.command.js';
import { GrantCommand } from './commands/grant.command.js';
import { ProjectionsCommand } from './commands/projections.command.js';
import { TokenCommand } from './commands/token.command.js';
import { WorkflowCommand } from './commands/workflow.command.js';

/** The top-level commands; a subcommand is listed in its group's `subCommands` (audit.command.ts, projections.command.ts). */
const COMMANDS = [TokenCommand, GrantCommand, WorkflowCommand, ProjectionsCommand, AuditCommand, BackupCommand, RestoreCommand];

@Injectable()
class ProgramName {
  constructor(@InjectCommander() program: Parameters<CommandRunner['setCommand']>[0]) {
    program.name('npm run cli --').description('Refonda admin commands (each has --help)');
  }
}

@Module({ providers: [ProgramName, ...COMMANDS.flatMap((command) => command.registerWithSubCommands())] })
export class CliModule {}
