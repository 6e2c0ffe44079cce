import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type RecordedEvent, SqliteEventStore } from '#event-store';
import { TRANSITION_EVENTS, type TransitionCommandName } from '#projects';
import { funnelProjection } from './funnel.projection.js';

type Territory = { region: string; departement: string; academie?: string; cts?: string };
const by = { id: 'v1', role: 'validator' };

/** Builds a log of projects and organisation registrations in the real SQLite store (a temp file), for the funnel specs. */
export class FunnelLog {
  private readonly dir = mkdtempSync(join(tmpdir(), 'funnel-'));
  readonly store = new SqliteEventStore({ path: join(this.dir, 'events.db') });
  private day = 0;

  private async append(streamId: string, type: string, data: object): Promise<void> {
    await this.store.appendToStream(streamId, [{ id: randomUUID(), type, data }], { expectedRevision: 'any' });
  }

  private at(): string {
    return new Date(Date.UTC(2023, 8, 1) + this.day++ * 3_600_000).toISOString();
  }

  declare(projectId: string, program: 'education' | 'health', territory: Territory, holder: string, coHolders?: unknown[]) {
    return this.append(`project-${projectId}`, 'project.intention_declared', {
      projectId,
      program,
      workflow: { id: program === 'education' ? 'cnr-education' : 'cnr-health', version: 1 },
      state: 'intention',
      declarant: 'h',
      title: projectId,
      description: 'D',
      territory,
      holder: { organisationId: holder, name: holder },
      ...(coHolders ? { coHolders } : {}),
      partners: [],
      at: this.at(),
    });
  }

  /** One transition; `extra` carries a validation's amount or a reason. */
  go(projectId: string, command: TransitionCommandName, from: string, to: string, extra: object = {}) {
    return this.append(`project-${projectId}`, TRANSITION_EVENTS[command], { from, to, by, at: this.at(), reason: 'motif', ...extra });
  }

  /** intention → drafting → submitted. */
  async deposit(projectId: string): Promise<void> {
    await this.go(projectId, 'start_drafting', 'intention', 'drafting');
    await this.go(projectId, 'submit', 'drafting', 'submitted');
  }

  async validate(projectId: string, grantedAmountCents: number, via = 'under_analysis'): Promise<void> {
    await this.deposit(projectId);
    await this.go(projectId, 'start_analysis', 'submitted', 'under_analysis');
    if (via === 'cts_review') await this.go(projectId, 'refer_to_cts', 'under_analysis', 'cts_review');
    await this.go(projectId, 'validate', via, 'validated', { grantedAmountCents });
  }

  register(organisationId: string, kind: string, uai: string) {
    return this.append(`organisation-${organisationId}`, 'organisation.registered', {
      organisationId,
      kind,
      identifier: { scheme: 'uai', value: uai },
      name: organisationId,
      communeCode: '55029',
      departementCode: '55',
    });
  }

  events(): Promise<RecordedEvent[]> {
    return this.store.readAll();
  }

  async close(): Promise<void> {
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The funnel projection applied to `events` in batches of `size` (each in a transaction ended by endBatch), as the runner does. */
export function projectFunnel(events: readonly RecordedEvent[], size = events.length || 1): Database.Database {
  const db = new Database(':memory:');
  funnelProjection.setup(db, '');
  for (let i = 0; i < events.length; i += size) {
    db.transaction(() => {
      for (const e of events.slice(i, i + size)) if (funnelProjection.handles.includes(e.type)) funnelProjection.apply(db, e, '');
      funnelProjection.endBatch?.(db, '');
    })();
  }
  return db;
}
