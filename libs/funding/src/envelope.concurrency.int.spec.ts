import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Actor, DomainError } from '#kernel';
import { SqliteEventStore, foldRecorded, handleCommand } from '#event-store';
import { type ProjectCommand, projectDecider, streamIdOf } from '#projects';
import { assertProjectCommittable } from './envelope.policy.js';
import type { EnvelopeCommand } from './envelope.commands.js';
import { envelopeDecider } from './envelope.decider.js';
import { envelopeBalance } from './envelope.balance.js';
import { envelopeInvariantViolations } from './envelope.invariants.js';
import { envelopeStreamId } from './envelope.id.js';
import { eventIdFor } from './request-id.js';
import { handleEnvelopeCommand } from './application/handle-envelope-command.js';
import { cmd, ctx, euros } from '../test/envelope.fixtures.js';

/** FIR Grand Est 2023 (INSEE région 44): €1M, which funds exactly 50 projects of €20,000. */
const ENVELOPE = 'fir-ars-44-2023';
const STREAM = envelopeStreamId(ENVELOPE);
const AMOUNT = euros(20_000);
const FUNDABLE = 50;
const VALIDATORS = 200;
const RETRIES = 250;

/** As the directory resolves the MSP's member: acting for its FINESS. */
const HOLDER: Actor = { id: 'holder-msp', role: 'holder', scope: {}, organisations: ['550000012'] };
const DG_ARS: Actor = { id: 'dg-ars-grand-est', role: 'decider', scope: { regions: ['44'] }, capacity: 'dg_ars' };
const DG_ARS_SIGNATURE = { signatory: 'dg-ars-grand-est', capacity: 'dg_ars' };
const ARS_VALIDATOR: Actor = { id: 'val-ars-grand-est', role: 'validator', scope: { regions: ['44'] } };
const AT = new Date('2023-09-01T08:00:00.000Z');

/** A health project of the Meuse (Grand Est), declared and taken to `validated` for €20,000 by real project commands. */
async function validatedProject(store: SqliteEventStore, i: number): Promise<string> {
  const projectId = `projet-fir-${i}`;
  const as = (actor: Actor) => ({ projectId, ctx: { actor, now: AT } });
  const commands: ProjectCommand[] = [
    {
      type: 'declare_intention',
      ...as(HOLDER),
      program: 'health',
      title: `Projet de santé ${i}`,
      description: 'CNR santé, Meuse',
      territory: { region: '44', departement: '55', communeCode: '55029', cts: 'CTS-44-55' },
      holder: { organisationId: '550000012', name: 'MSP du Barrois' },
      partners: [],
    },
    { type: 'start_drafting', ...as(HOLDER) },
    {
      type: 'edit_content',
      ...as(HOLDER),
      changes: { requestedAmountCents: AMOUNT, budgetLines: [{ label: 'Actions', amountCents: AMOUNT }] },
    },
    { type: 'submit', ...as(HOLDER) },
    { type: 'start_analysis', ...as(ARS_VALIDATOR) },
    { type: 'complete_analysis', ...as(ARS_VALIDATOR), reason: 'Instruction close' },
    { type: 'refer_to_cts', ...as(ARS_VALIDATOR) },
    { type: 'record_cts_opinion', ...as(ARS_VALIDATOR), reason: 'Avis favorable du CTS', favourable: true },
    // Signed by the DG ARS in own right: the signature the application stamps once the authority is checked.
    { type: 'validate', ...as(DG_ARS), reason: 'Projet conforme', grantedAmountCents: AMOUNT, signature: DG_ARS_SIGNATURE },
  ];
  for (const command of commands) {
    await handleCommand({
      store,
      streamId: streamIdOf(projectId),
      decider: projectDecider,
      command,
      metadata: { actorId: command.ctx.actor.id },
    });
  }
  return projectId;
}

describe('200 concurrent commitments on an envelope that can fund exactly 50', () => {
  let dir: string;
  let store: SqliteEventStore;
  let projects: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'refonda-funding-'));
    store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    projects = [];
    for (let i = 0; i < VALIDATORS; i++) projects.push(await validatedProject(store, i));
    await handleEnvelopeCommand(
      store,
      ENVELOPE,
      cmd('OpenEnvelope', { fund: 'fir', territoryCode: 'ars-44', period: { fromYear: 2023, toYear: 2023 } }),
    );
    await handleEnvelopeCommand(store, ENVELOPE, cmd('NotifyCredits', { aeCents: FUNDABLE * AMOUNT, cpCents: euros(400_000) }));
  }, 60_000);

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly 50 succeed, answers the 150 others insufficient AE, and the ledger sums exactly', async () => {
    let attempts = 0;
    const counting = {
      ...envelopeDecider,
      decide: (c: EnvelopeCommand, s: Parameters<typeof envelopeDecider.decide>[1]) => {
        attempts++;
        return envelopeDecider.decide(c, s);
      },
    };
    // As the commit handler does: read the project from the log and check it (exists, in the territory, validated), then commit.
    const commit = async (i: number) => {
      const project = foldRecorded(projectDecider, await store.readStream(streamIdOf(projects[i]!)));
      expect(project.exists && project.status).toBe('validated');
      assertProjectCommittable(
        ENVELOPE,
        projects[i]!,
        project.exists ? { status: project.status, territory: project.content.territory } : undefined,
      );
      const command = cmd('Commit', {
        commitmentRef: `EJ-2023-${i}`,
        projectId: projects[i]!,
        amountCents: AMOUNT,
        requestId: `commit-${i}`,
        ctx: ctx('finance', `finance-${i % 4}`),
        on: ENVELOPE,
      });
      return handleCommand({
        store,
        streamId: STREAM,
        decider: counting,
        command,
        retries: RETRIES,
        metadata: { actorId: command.ctx.actor.id, role: command.ctx.actor.role, requestId: command.requestId },
        eventId: (index) => eventIdFor(command.requestId, index, STREAM),
      });
    };
    const started = performance.now();
    const results = await Promise.allSettled(Array.from({ length: VALIDATORS }, (_, i) => commit(i)));
    const wallMs = performance.now() - started;

    const won = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as DomainError] : []));
    console.log(
      `[funding concurrency] ${VALIDATORS} concurrent commits, ${won.length} committed, ${refused.length} refused: ` +
        `${attempts} decide attempts (${(attempts / VALIDATORS).toFixed(1)} per command), ${wallMs.toFixed(0)} ms wall`,
    );

    expect(won).toHaveLength(FUNDABLE);
    expect(refused).toHaveLength(VALIDATORS - FUNDABLE);
    for (const error of refused) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe('ENVELOPE_INSUFFICIENT_AE');
      expect(error.category).toBe('conflict');
      expect(error.details).toEqual({ envelopeId: ENVELOPE, year: 2023, availableCents: 0, requestedCents: AMOUNT });
      expect(error.message).toContain('0,00\u00a0€ disponibles, 20\u202f000,00\u00a0€ demandés');
    }
    expect(attempts).toBeLessThanOrEqual(VALIDATORS * (RETRIES + 1));

    const recorded = await store.readStream(STREAM);
    const committed = recorded.filter((e) => e.type === 'envelope.committed');
    expect(recorded.map((e) => Number(e.revision))).toEqual(recorded.map((_, i) => i));
    expect(committed).toHaveLength(FUNDABLE);
    expect(new Set(committed.map((e) => (e.data as { commitmentRef: string }).commitmentRef)).size).toBe(FUNDABLE);
    const ledger = committed.reduce((t, e) => t + (e.data as { amountCents: number }).amountCents, 0);
    const state = foldRecorded(envelopeDecider, recorded);
    const balance = envelopeBalance(state)!;
    expect(ledger).toBe(FUNDABLE * AMOUNT);
    expect(balance.ae).toMatchObject({ notified: FUNDABLE * AMOUNT, committed: ledger, available: 0 });
    expect(balance.commitments).toMatchObject({ count: FUNDABLE, committedCents: ledger });
    expect(envelopeInvariantViolations(state)).toEqual([]);
    const winners = won.map((r) => (r as PromiseFulfilledResult<{ events: { data: unknown }[] }>).value.events[0]!.data);
    expect(winners.map((d) => (d as { commitmentRef: string }).commitmentRef).sort()).toEqual(
      committed.map((e) => (e.data as { commitmentRef: string }).commitmentRef).sort(),
    );
  }, 180_000); // ~10–20 s on a 2-core machine: 200 racers re-read and re-fold the stream on every lost round
});
