import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { ledgerXlsx, type LedgerXlsxOptions } from '#audit';
import { collectBytes } from './support/collect.js';
import { HDF, LILLE } from './support/funding.js';
import { type LedgerScenario, ledgerScenario, PAYEE } from './support/ledger-scenario.js';

async function workbookOf(s: LedgerScenario, options: LedgerXlsxOptions = {}): Promise<ExcelJS.Workbook> {
  const bytes = await collectBytes(ledgerXlsx(s.store, { projectTitles: s.lookup, ...options }));
  expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip ("PK")
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The sheet's rows as objects keyed by the header, values as the reader gets them (typed). */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])));
  });
  return rows;
}

/** Paris wall-clock time as a spreadsheet date (no zone: its UTC fields), computed with Intl, apart from the code. */
function parisCellDate(d: Date): Date {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hourCycle: 'h23',
      ...{ year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' },
    })
      .formatToParts(d)
      .map((x) => [x.type, Number(x.value)]),
  );
  return new Date(Date.UTC(p['year']!, p['month']! - 1, p['day'], p['hour'], p['minute'], p['second'], d.getUTCMilliseconds()));
}

describe('GET /audit/ledger.xlsx: the same rows, typed cells', () => {
  let s: LedgerScenario;
  beforeAll(async () => {
    s = await ledgerScenario();
  });
  afterAll(() => s.close());

  it('a bold, frozen header with filters; dates as dates (Paris time), amounts as numbers in euros with a euro format', async () => {
    const workbook = await workbookOf(s);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Grand livre']);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('Date');
    expect(header.getCell(13).value).toBe('AE (€)');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:S1');
    const rows = rowsOf(sheet);
    const moneyEvents = s.events.filter(
      (e) => !['envelope.opened', 'envelope.service_done', 'envelope.payment_ordered', 'envelope.recovery_ordered'].includes(e.type),
    );
    expect(rows.map((r) => r['Date']!.value)).toEqual(moneyEvents.map((e) => parisCellDate(e.recordedAt)));
    expect(rows.every((r) => r['Date']!.value instanceof Date && r['Date']!.numFmt === 'dd/mm/yyyy hh:mm:ss')).toBe(true);
    expect(rows.map((r) => [r['Enveloppe']!.value, r['Opération']!.value, r['AE (€)']!.value, r['CP (€)']!.value])).toEqual([
      [LILLE, 'notification', 1_000_000, 500_000],
      [LILLE, 'engagement', -12_500, 0],
      [LILLE, 'paiement', 0, -10_000],
      [LILLE, 'paiement', 0, -2_500],
      [LILLE, 'reversement', 0, 500],
      [HDF, 'notification', 2_600_000, 1_000_000],
      [LILLE, 'engagement', -20_000, 0],
      [LILLE, 'paiement', 0, -3_000],
    ]);
    for (const r of rows) for (const c of ['AE (€)', 'CP (€)']) expect(r[c]!.numFmt).toBe('#,##0.00 "€";-#,##0.00 "€"');
    expect(rows.map((r) => [r['Exercice']!.value, r['Position']!.value])).toEqual(moneyEvents.map((e) => [2023, Number(e.position)]));
  });

  it('the rows of a commitment carry its project title, payee, SIRET, award act and EJ (text cells, as written)', async () => {
    const rows = rowsOf((await workbookOf(s)).worksheets[0]!);
    const payment = rows.at(-1)!;
    const text = (name: string) => payment[name]!.value;
    expect(['Projet', 'Bénéficiaire', 'SIRET du bénéficiaire', 'Acte attributif', 'EJ'].map(text)).toEqual([
      'project-lille-2',
      PAYEE.name,
      PAYEE.siret,
      'ARR-2023-0042',
      '2103000042',
    ]);
    expect(rows[1]!['Intitulé du projet']!.value).toBe('Un jardin « partagé »;=1+1');
    expect(rows[1]!['Intitulé du projet']!.type).toBe(ExcelJS.ValueType.String); // a string cell: never a formula
    expect(rows[1]!['Bénéficiaire']!.value).toBe('Commune de Lille'); // the first commitment's payee, from its act
  });

  it('SUM of AE and CP for one envelope and exercise: the credits still available (to the cent)', async () => {
    const rows = rowsOf((await workbookOf(s)).worksheets[0]!).filter((r) => r['Enveloppe']!.value === LILLE);
    const sum = (c: string) => rows.reduce((t, r) => t + Math.round((r[c]!.value as number) * 100), 0);
    expect({ ae: sum('AE (€)'), cp: sum('CP (€)') }).toEqual(await s.lilleAvailable());
  });

  it('goes on in a new sheet, with its own header, when a sheet is full', async () => {
    const workbook = await workbookOf(s, { rowsPerSheet: 3 });
    expect(workbook.worksheets.map((w) => [w.name, w.rowCount, w.getRow(1).getCell(1).value])).toEqual([
      ['Grand livre', 4, 'Date'],
      ['Grand livre (2)', 4, 'Date'],
      ['Grand livre (3)', 3, 'Date'],
    ]);
    expect(workbook.worksheets.flatMap((w) => rowsOf(w).map((r) => r['Opération']!.value))).toHaveLength(8);
  });
});
