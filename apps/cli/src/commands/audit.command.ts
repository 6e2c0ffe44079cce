import { Command } from 'nest-commander';
import { CommandGroup } from '../cli-command.js';
import { AuditAnchorCommand, AuditPublicKeyCommand } from './audit-anchor.command.js';
import { AuditExportLedgerCommand, AuditExportLogCommand } from './audit-export.command.js';
import { AuditRotateKeyCommand } from './audit-key.command.js';
import { AuditReplayCommand } from './audit-replay.command.js';
import { AuditVerifyCommand } from './audit-verify.command.js';

/** `npm run cli -- audit <subcommand>`: a new subcommand is a @SubCommand class added to this list. */
export const AUDIT_SUBCOMMANDS = [
  AuditVerifyCommand,
  AuditAnchorCommand,
  AuditRotateKeyCommand,
  AuditPublicKeyCommand,
  AuditReplayCommand,
  AuditExportLedgerCommand,
  AuditExportLogCommand,
];

@Command({
  name: 'audit',
  description: 'the log as evidence: verify the hash chains, sign anchors, replay the read models, export',
  subCommands: AUDIT_SUBCOMMANDS,
})
export class AuditCommand extends CommandGroup {}
