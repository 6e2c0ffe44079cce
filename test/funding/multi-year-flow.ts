import { expect } from '@jest/globals';
import type { ApiHarness } from '../support/api-harness.js';
import { type Books, ledgerSums } from './multi-year-books.js';
import { envelopeCommand } from './funding-flow.js';

export const DAY = 86_400_000;

/** Moves the app's clock to `iso` (tests start on 1 September 2023 and only go forward). */
export function moveClockTo(api: ApiHarness, iso: string): void {
  const ms = new Date(iso).getTime() - api.clock.now().getTime();
  if (ms < 0) throw new Error(`the clock is already past ${iso}`);
  api.clock.advance(ms);
}

/** "12 500,00 €" as a French finance office writes it (Intl, not the app's formatter). */
export const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** Cents as the decimal euros the wire takes: 7275001 → "72750.01". */
export const decimalEuros = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** An envelope command that must succeed: its answer's body. */
export async function ok(api: ApiHarness, token: string, path: string, body: unknown, expected = 200) {
  const res = await envelopeCommand(api, token, path, body);
  if (res.status !== expected) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const getEnvelope = async (api: ApiHarness, token: string, id: string) => {
  const res = await api.request('GET', `/envelopes/${id}`, { token });
  if (res.status !== 200) throw new Error(`GET ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** [year, CP paid] per exercise of a balance. */
export const paidPerYear = (balance: { years: { year: number; cp: { paidCents: number } }[] }) =>
  balance.years.map((y) => [y.year, y.cp.paidCents]);

/**
 * A command that must be refused without writing anything: the revision, the years and the commitments of each of
 * `ids` (read as `reader`) are the same after it. Its answer's body.
 */
export async function refusedWithoutWriting(api: ApiHarness, token: string, path: string, body: unknown, ids: string[], reader: string) {
  const state = () => Promise.all(ids.map(async (id) => getEnvelope(api, reader, id).then((e) => [e.revision, e.years, e.commitments])));
  const before = await state();
  const refused = await envelopeCommand(api, token, path, body);
  expect(refused.status).toBeGreaterThanOrEqual(400);
  expect(await state()).toEqual(before);
  return refused.body;
}

/**
 * Every figure of each envelope's balance, per year and in total, against the test's books; then the ledger: per envelope
 * and exercise, the sum of its signed AE and CP movements is the credit still free, as the books and the balance say.
 */
export async function expectBooks(api: ApiHarness, token: string, books: Books, envelopeIds: readonly string[]): Promise<void> {
  for (const id of envelopeIds) {
    const balance = await getEnvelope(api, token, id);
    const expected = books.expected(id);
    expect({ envelopeId: id, currentYear: balance.currentYear, years: balance.years }).toEqual({
      envelopeId: id,
      currentYear: expected.currentYear,
      years: expected.years,
    });
    expect(balance.commitments).toMatchObject(expected.commitments);
    const sum = (kind: 'ae' | 'cp', field: string) => expected.years.reduce((t, y) => t + (y[kind] as Record<string, number>)[field]!, 0);
    expect([balance.ae.availableCents, balance.cp.availableCents]).toEqual([sum('ae', 'availableCents'), sum('cp', 'availableCents')]);
  }
  const { sums } = await ledgerSums(api, token);
  const free = books.available();
  const fromLedger = Object.fromEntries(Object.keys(free).map((k) => [k, sums[k] ?? { ae: 0, cp: 0 }]));
  expect(fromLedger).toEqual(free);
}

/** GET /envelopes/:id/history: its French summaries. */
export async function historyOf(api: ApiHarness, token: string, id: string): Promise<{ type: string; summary: string; why: string }[]> {
  const res = await api.request('GET', `/envelopes/${id}/history?limit=500`, { token });
  if (res.status !== 200) throw new Error(`history ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.events;
}

/** A national envelope of `fund` over 2023–2027 (admin) and one of `territoryCode`'s over the same term, its child. */
export async function openNationalAndChild(
  api: ApiHarness,
  admin: string,
  finance: string,
  fund: string,
  territoryCode: string,
  ceiling: string,
) {
  const period = { fromYear: 2023, toYear: 2027 };
  const national = await ok(api, admin, '/envelopes', { fund, territoryCode: 'national', period, ceiling }, 201);
  const parentId = national.balance.envelopeId;
  const child = await ok(api, finance, '/envelopes', { fund, territoryCode, period, parentId }, 201);
  return [national.balance, child.balance];
}
