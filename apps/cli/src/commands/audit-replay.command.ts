import { existsSync } from 'node:fs';
import { Option, SubCommand } from 'nest-commander';
import { replayCheck, type ReplayReport } from '#audit';
import { loadConfig } from '../../../api/src/config/app.config.js';
import { allProjections } from '../../../api/src/projections/all-projections.js';
import { CliCommand } from '../cli-command.js';
import { withStore } from './audit-env.js';

function print(report: ReplayReport): void {
  for (const p of report.projections) {
    process.stdout.write(
      `${p.identical ? 'identical' : 'DIFFERENT'}  ${p.name} v${p.version} at position ${p.position}${p.problem ? `: ${p.problem}` : ''}\n`,
    );
    for (const t of p.tables) {
      if (t.identical) continue;
      process.stdout.write(
        `  table ${t.table}: ${t.liveRows} live rows, ${t.replayRows} replayed; ` +
          `${t.onlyInLive} only live, ${t.onlyInReplay} only replayed${t.schemaDifference ? `; schema: ${t.schemaDifference}` : ''}\n`,
      );
      for (const d of t.differences) {
        const cols = d.columns
          ? ` ${Object.entries(d.columns)
              .map(([c, v]) => `${c}: live ${JSON.stringify(v.live)} ≠ replay ${JSON.stringify(v.replay)}`)
              .join('; ')}`
          : '';
        process.stdout.write(`    ${d.kind} ${JSON.stringify(d.key)}${cols}\n`);
      }
    }
  }
  process.stdout.write(
    report.identical
      ? 'audit replay: every read model is identical to its replay from position 0\n'
      : 'audit replay: DIFFERENCES found (listed above)\n',
  );
}

/** `audit replay [--keep] [--json]`: rebuilds every read model into a scratch database and compares with the live one. */
async function auditReplay(values: { keep?: boolean; json?: boolean }): Promise<number> {
  const config = loadConfig(process.env);
  if (!existsSync(config.readModelPath)) {
    process.stderr.write(`no live read models at ${config.readModelPath} (set DATA_DIR, READ_MODEL_PATH or REPLICA_ID)\n`);
    return 2;
  }
  const report = await withStore((store) =>
    replayCheck({ store, liveReadModelPath: config.readModelPath, projections: allProjections(), keep: values.keep ?? false }),
  );
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else print(report);
  return report.identical ? 0 : 1;
}

@SubCommand({
  name: 'replay',
  description: 'rebuild every read model from position 0 into a scratch database and compare with the live one (exit 1)',
})
export class AuditReplayCommand extends CliCommand<{ keep?: boolean; json?: boolean }> {
  execute(_params: string[], options: { keep?: boolean; json?: boolean }): Promise<number> {
    return auditReplay(options);
  }

  @Option({ flags: '--keep', description: 'keep the scratch database' })
  keep(): boolean {
    return true;
  }

  @Option({ flags: '--json', description: 'the report as JSON' })
  json(): boolean {
    return true;
  }
}
