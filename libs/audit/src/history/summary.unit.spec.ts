import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import { envelopeName } from './french.js';
import { summarize, toHistoryEntry } from './history-entry.js';
import { TRANSITION_EVENTS } from '#projects';

const recorded = (streamId: string, type: string, data: unknown, metadata: Record<string, unknown> = {}, revision = 0n): RecordedEvent => ({
  id: '6f1c2f8e-8a44-4a3b-9a51-1b2c3d4e5f60',
  streamId,
  revision,
  position: 42n,
  type,
  schemaVersion: 1,
  data,
  metadata,
  recordedAt: new Date('2023-10-02T09:30:00.000Z'),
  hash: 'ab'.repeat(32),
});

const LILLE_2023 = 'envelope-fip-academie-09-2023';
const PROJECT = 'project-0b0f9b7e-3a0b-4c43-9a7e-1e7c9f2b8d11';
const validatorMeta = {
  actor: 'validator-lille',
  role: 'validator',
  scope: { academies: ['09'] },
  occurredAt: '2023-10-02T09:29:59.000Z',
  correlationId: 'c-1',
};

describe('French one-line summaries', () => {
  it("'Engagement de 12 500,00 € sur FIP 2023 – Académie de Lille' (NNBSP thousands, NBSP before €, via formatEuros)", () => {
    const e = recorded(LILLE_2023, 'envelope.committed', {
      year: 2023,
      commitmentRef: 'EJ-1',
      projectId: 'p-1',
      amountCents: 1_250_000,
      splitKey: null,
      reason: null,
      requestId: 'r',
      fingerprint: 'f',
    });
    expect(summarize(e)).toBe('Engagement de 12\u202f500,00\u00a0€ sur FIP 2023 – Académie de Lille');
  });

  it("'Validé par … : motif …' with the granted amount", () => {
    const e = recorded(
      PROJECT,
      'project.validated',
      {
        from: 'under_analysis',
        to: 'validated',
        reason: 'Projet solide, partenaires engagés',
        grantedAmountCents: 800_000,
        by: { id: 'validator-lille', role: 'validator' },
        at: '2023-10-02T09:29:59.000Z',
      },
      validatorMeta,
      4n,
    );
    expect(summarize(e)).toBe(
      'Validé par validator-lille (instructeur), 8\u202f000,00\u00a0€ accordés : motif Projet solide, partenaires engagés',
    );
  });

  it('names every lifecycle step in French', () => {
    const t = (command: keyof typeof TRANSITION_EVENTS, reason?: string) =>
      summarize(
        recorded(
          PROJECT,
          TRANSITION_EVENTS[command],
          {
            from: 'a',
            to: 'b',
            reason,
            by: { id: 'u', role: 'holder' },
            at: '2023-10-02T09:29:59.000Z',
          },
          { actor: 'u', role: 'holder' },
        ),
      );
    expect(t('submit')).toBe('Déposé par u (porteur)');
    expect(t('reject', 'Hors champ')).toBe('Refusé par u (porteur) : motif Hors champ');
    expect(t('request_completion', 'Budget manquant')).toBe('Compléments demandés par u (porteur) : motif Budget manquant');
    expect(t('withdraw')).toBe('Abandonné par u (porteur)');
    expect(summarize(recorded(PROJECT, 'project.intention_declared', { title: 'Jardin partagé' }, { actor: 'h', role: 'holder' }))).toBe(
      'Intention déclarée par h (porteur) : « Jardin partagé »',
    );
    expect(
      summarize(
        recorded(
          PROJECT,
          'project.content_edited',
          { changes: { title: 'x', requestedAmountCents: 1_000_000 } },
          { actor: 'h', role: 'holder' },
        ),
      ),
    ).toBe('Dossier modifié par h (porteur) : titre, montant demandé 10\u202f000,00\u00a0€');
  });

  it('money operations name the envelope, the amounts and the motive', () => {
    const ars = 'envelope-fir-ars-32-2023-2024';
    expect(envelopeName('fir-ars-32-2023-2024')).toBe('FIR 2023-2024 – ARS Hauts-de-France');
    expect(envelopeName('fip-national-2023-2027')).toBe('FIP 2023-2027 – national');
    expect(summarize(recorded(ars, 'envelope.paid', { year: 2023, commitmentRef: 'EJ-7', amountCents: 250_000, instalment: 2 }))).toBe(
      'Paiement de 2\u202f500,00\u00a0€ sur FIR 2023-2024 – ARS Hauts-de-France (versement n° 2, engagement EJ-7)',
    );
    expect(
      summarize(recorded(ars, 'envelope.recovered', { year: 2023, commitmentRef: 'EJ-7', amountCents: 10_000, reason: 'Trop-perçu' })),
    ).toBe('Reversement de 100,00\u00a0€ sur FIR 2023-2024 – ARS Hauts-de-France (engagement EJ-7) : motif Trop-perçu');
    expect(
      summarize(
        recorded(LILLE_2023, 'envelope.credits_notified', {
          year: 2023,
          kind: 'notification',
          aeCents: 100_000_000,
          cpCents: 50_000_000,
          reason: null,
        }),
      ),
    ).toBe(
      "Notification de 1\u202f000\u202f000,00\u00a0€ d'AE et 500\u202f000,00\u00a0€ de CP sur FIP 2023 – Académie de Lille (exercice 2023)",
    );
  });
});

describe('history entries', () => {
  it('carry who, role, territory, when, why, position, revision and hash', () => {
    const e = recorded(
      PROJECT,
      'project.rejected',
      {
        from: 'under_analysis',
        to: 'rejected',
        reason: 'Hors champ',
        by: { id: 'validator-lille', role: 'validator' },
        at: 'x',
      },
      validatorMeta,
      3n,
    );
    expect(toHistoryEntry(e)).toEqual({
      position: '42',
      revision: '3',
      eventId: e.id,
      type: 'project.rejected',
      who: 'validator-lille',
      role: 'validator',
      territory: { academies: ['09'] },
      when: '2023-10-02T09:30:00.000Z',
      occurredAt: '2023-10-02T09:29:59.000Z',
      why: 'Hors champ',
      hash: 'ab'.repeat(32),
      correlationId: 'c-1',
      summary: 'Refusé par validator-lille (instructeur) : motif Hors champ',
    });
  });

  it('read the envelope metadata (actorId) as well as the project one (actor)', () => {
    const e = recorded(
      LILLE_2023,
      'envelope.committed',
      { year: 2023, commitmentRef: 'EJ-1', projectId: 'p', amountCents: 100, splitKey: null, reason: 'Convention signée' },
      { actorId: 'finance-lille', role: 'finance', scope: { academies: ['09'] } },
    );
    expect(toHistoryEntry(e)).toMatchObject({
      who: 'finance-lille',
      role: 'finance',
      why: 'Convention signée',
      territory: { academies: ['09'] },
    });
  });
});
