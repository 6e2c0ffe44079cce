import { describe, expect, it } from '@jest/globals';
import { envelopeSummary } from './envelope-summary.js';
import { envelopeName, euros } from './french.js';

const NANCY = 'fip-academie-12-2023-2027';
const on = envelopeName(NANCY);

describe('the envelope’s history tells the year boundary, recovery orders and amendments', () => {
  it('a close with its declared carry-over rule, what stays to pay and the unpaid orders it let through with its reason', () => {
    const line = envelopeSummary(
      NANCY,
      'envelope.year_closed',
      {
        year: 2023,
        nextYear: 2024,
        aeCarriedCents: 100_000_00,
        aeLapsedCents: 0,
        cpCarriedCents: 3_000_00,
        cpLapsedCents: 97_000_00,
        carryOver: { ae: { mode: 'all' }, cp: { mode: 'percent', percent: 3 } },
        cpCarryOverDecidedCents: null,
        remainingToPayCents: 6_000_00,
        unpaidOrders: [{ commitmentRef: 'AA-p-1', orderRef: 'DP-2023-0042', amountCents: 6_000_00 }],
        unpaidOrdersReason: 'Mandat transmis le 29 décembre',
      },
      'finance-nancy-metz',
      'finance',
    );
    expect(line).toContain(`Clôture de l'exercice 2023 de ${on}`);
    expect(line).toContain('règle de report : AE en totalité, CP dans la limite de 3 %');
    expect(line).toContain(`restes à payer ${euros(6_000_00)}`);
    expect(line).toContain(`: DP-2023-0042, motif Mandat transmis le 29 décembre`);
  });

  it('a titre de perception, its collection with the receipt part, an amendment', () => {
    const titled = { commitmentRef: 'AA-p-1', titleRef: 'TP-2025-7', titleKind: 'titre_de_perception', amountCents: 1_200_00 };
    expect(envelopeSummary(NANCY, 'envelope.recovery_ordered', { ...titled, reason: 'Bilan' }, null, null)).toBe(
      `Titre de perception n° TP-2025-7 de ${euros(1_200_00)} sur ${on} (engagement AA-p-1) : motif Bilan`,
    );
    const collected = { commitmentRef: 'AA-p-1', titleRef: 'TP-2025-7', amountCents: 500_00, restoredCents: 0, receiptCents: 500_00 };
    expect(envelopeSummary(NANCY, 'envelope.recovery_collected', collected, null, null)).toContain(
      `dont ${euros(500_00)} de recette d'un exercice antérieur`,
    );
    const adjusted = { commitmentRef: 'AA-p-1', amendmentNumber: 2, deltaCents: -400_000, reason: 'Action réduite' };
    expect(envelopeSummary(NANCY, 'envelope.commitment_adjusted', adjusted, null, null)).toContain("Avenant n° 2 à l'engagement AA-p-1");
  });
});
