import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BOM, ledgerCsv } from '#audit';
import { canSeeEnvelope } from '#funding';
import { collect } from './support/collect.js';
import { financeHdf, HDF, LILLE } from './support/funding.js';
import { type LedgerScenario, ledgerScenario, PAYEE, parisFr } from './support/ledger-scenario.js';
import { parseCsv } from './support/parse-csv.js';

const HEADER = [
  'Date',
  'Fonds',
  'Exercice',
  'Enveloppe',
  'Projet',
  'Intitulé du projet',
  'Bénéficiaire',
  'SIRET du bénéficiaire',
  'Acte attributif',
  'EJ',
  'Engagement (réf.)',
  'Opération',
  'AE (€)',
  'CP (€)',
  'Acteur',
  'Rôle',
  'Motif',
  'Position',
  'Identifiant de l’événement',
];

/** The rows as objects keyed by the header, as a reader of the file sees them. */
const table = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]!])));
/** "−12500,00" or "-12500.00" → cents, as a spreadsheet reads the number. */
const cents = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);

describe('GET /audit/ledger.csv: one row per money movement, signed AE and CP, French columns', () => {
  let s: LedgerScenario;
  beforeAll(async () => {
    s = await ledgerScenario();
  });
  afterAll(() => s.close());

  it('for French spreadsheets by default: BOM, ";", decimal comma, Paris dates (JJ/MM/AAAA HH:MM:SS), CRLF', async () => {
    const file = await collect(ledgerCsv(s.store, { projectTitles: s.lookup }));
    expect(file.startsWith(BOM)).toBe(true);
    const rows = parseCsv(file.slice(BOM.length), ';');
    expect(rows[0]).toEqual(HEADER);
    expect(file.slice(BOM.length).split('\r\n')[0]).toBe(HEADER.join(';'));
    const t = table(rows);
    expect(t.map((r) => [r['Enveloppe'], r['Opération'], r['AE (€)'], r['CP (€)']])).toEqual([
      [LILLE, 'notification', '1000000,00', '500000,00'],
      [LILLE, 'engagement', '-12500,00', '0,00'],
      [LILLE, 'paiement', '0,00', '-10000,00'],
      [LILLE, 'paiement', '0,00', '-2500,00'],
      [LILLE, 'reversement', '0,00', '500,00'],
      [HDF, 'notification', '2600000,00', '1000000,00'],
      [LILLE, 'engagement', '-20000,00', '0,00'],
      [LILLE, 'paiement', '0,00', '-3000,00'],
    ]);
    // Service done moves no money: no row. Each row's date is its event's, in Paris time (UTC+1, then UTC+2).
    const moneyEvents = s.events.filter(
      (e) => !['envelope.opened', 'envelope.service_done', 'envelope.payment_ordered', 'envelope.recovery_ordered'].includes(e.type),
    );
    expect(t.map((r) => r['Date'])).toEqual(moneyEvents.map((e) => parisFr(e.recordedAt)));
    expect(t.map((r) => r['Position'])).toEqual(moneyEvents.map((e) => String(e.position)));
    expect(t.map((r) => r['Identifiant de l’événement'])).toEqual(moneyEvents.map((e) => e.id));
    expect(new Set(t.map((r) => r['Date'])).size).toBe(t.length); // appended an hour apart or more: no two rows at one time
    expect(t[0]).toMatchObject({ Fonds: 'FIP', Exercice: '2023', Acteur: 'finance-lille', Rôle: 'gestionnaire' });
    expect(t[5]).toMatchObject({ Fonds: 'FIR', Acteur: 'finance-hdf' });
  });

  it('a SUM of a column means something: for one envelope and exercise, AE still free to commit and CP still free to pay', async () => {
    const t = table(parseCsv((await collect(ledgerCsv(s.store))).slice(BOM.length), ';'));
    const lille = t.filter((r) => r['Enveloppe'] === LILLE && r['Exercice'] === '2023');
    const sum = (column: string) => lille.reduce((total, r) => total + cents(r[column]!), 0);
    expect({ ae: sum('AE (€)'), cp: sum('CP (€)') }).toEqual(await s.lilleAvailable());
    expect({ ae: sum('AE (€)'), cp: sum('CP (€)') }).toEqual({ ae: 96_750_000, cp: 48_500_000 });
  });

  it('the rows of a commitment carry its project (title from the read model), payee, SIRET, award act and EJ', async () => {
    const t = table(parseCsv((await collect(ledgerCsv(s.store, { projectTitles: s.lookup }))).slice(BOM.length), ';'));
    const of = (ref: string) => t.filter((r) => r['Engagement (réf.)'] === ref);
    // The scenario's first commitment, for its signed act: payee and EJ number on every row. (Commitments recorded before
    // award acts have empty cells there: test/compat/log-v1-ledger.ts.) The title is neutralised as every text.
    const title = "Un jardin « partagé »;'=1+1";
    for (const r of of('EJ-2023-001'))
      expect(r).toMatchObject({
        Projet: 'project-lille-1',
        'Intitulé du projet': title,
        Bénéficiaire: 'Commune de Lille',
        EJ: '21032023001',
      });
    const second = of('EJ-2023-002');
    expect(second.map((r) => r['Opération'])).toEqual(['engagement', 'paiement']);
    for (const r of second)
      expect(r).toMatchObject({
        Projet: 'project-lille-2',
        'Intitulé du projet': '',
        Bénéficiaire: "Coopérative scolaire; '=école",
        'SIRET du bénéficiaire': PAYEE.siret,
        'Acte attributif': 'ARR-2023-0042',
        EJ: '2103000042',
        Acteur: 'funding-process',
        Rôle: 'système',
      });
    expect(t.find((r) => r['Opération'] === 'reversement')!['Motif']).toBe('Trop-perçu; voir "bilan" =SOMME(A1) (titre n° TP-2023-000118)');
    // One lookup for the page (the titles the page needs), not one per row.
    expect(s.titleLookups.at(-1)).toEqual(['project-lille-1', 'project-lille-2']);
  });

  it("?format=international: ',', decimal point, no BOM, ISO dates with their offset (the same instant)", async () => {
    const file = await collect(ledgerCsv(s.store, { format: 'international' }));
    expect(file.startsWith(BOM)).toBe(false);
    const rows = parseCsv(file, ',');
    expect(rows[0]).toEqual(HEADER);
    const t = table(rows);
    expect(t.map((r) => [r['Opération'], r['AE (€)'], r['CP (€)']]).slice(0, 3)).toEqual([
      ['notification', '1000000.00', '500000.00'],
      ['engagement', '-12500.00', '0.00'],
      ['paiement', '0.00', '-10000.00'],
    ]);
    const moneyEvents = s.events.filter(
      (e) => !['envelope.opened', 'envelope.service_done', 'envelope.payment_ordered', 'envelope.recovery_ordered'].includes(e.type),
    );
    expect(t.map((r) => new Date(r['Date']!).getTime())).toEqual(moneyEvents.map((e) => e.recordedAt.getTime()));
    expect(t.map((r) => r['Date']!.slice(-6))).toEqual(
      moneyEvents.map((e) => (e.recordedAt.getTime() < Date.UTC(2023, 2, 26, 1) ? '+01:00' : '+02:00')),
    );
    expect(t[0]!['Date']).toMatch(/^2023-03-2[56]T\d{2}:30:00\.\d{3}\+01:00$/); // before the change to summer time
  });

  it('a finance officer sees the envelopes of its territory only', async () => {
    const filter = (id: string) => canSeeEnvelope(financeHdf, id);
    const t = table(parseCsv((await collect(ledgerCsv(s.store, { envelopeFilter: filter }))).slice(BOM.length), ';'));
    expect(t.map((r) => r['Enveloppe'])).toEqual([HDF]);
  });
});
