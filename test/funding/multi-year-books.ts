import type { ApiHarness } from '../support/api-harness.js';
import { parseCsv } from '../audit/support/parse-csv.js';

/**
 * The test's own books of the envelopes it drives: what it notified, delegated, committed, paid, recovered, kept per
 * envelope and exercise, and the carry-over each close should make, worked out here from the declared rule (not read
 * back from the API). Figures in cents.
 */
type CpRule = { percent: number } | 'all';

const AE_FLOWS = ['notified', 'received', 'allocated', 'committed', 'released', 'carriedIn', 'carriedOut', 'lapsed'] as const;
const CP_FLOWS = ['notified', 'received', 'allocated', 'paid', 'recovered', 'receipts', 'carriedIn', 'carriedOut', 'lapsed'] as const;
type AeFlows = Record<(typeof AE_FLOWS)[number], number>;
type CpFlows = Record<(typeof CP_FLOWS)[number], number>;
interface Year {
  closed: boolean;
  ae: AeFlows;
  cp: CpFlows;
}
interface Spending {
  committed: number;
  released: number;
  certified: number;
  paid: number;
  recovered: number;
  titled: number;
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const freeAe = (f: AeFlows) => f.notified + f.received + f.carriedIn + f.released - f.allocated - f.committed - f.carriedOut - f.lapsed;
// A receipt (money paid back on an earlier exercise's payment) comes in without restoring credit: not free to pay.
const freeCp = (f: CpFlows) => f.notified + f.received + f.carriedIn + f.recovered - f.allocated - f.paid - f.carriedOut - f.lapsed;

class EnvelopeBooks {
  current: number;
  readonly years = new Map<number, Year>();
  readonly spending: Spending = { committed: 0, released: 0, certified: 0, paid: 0, recovered: 0, titled: 0 };
  constructor(
    fromYear: number,
    readonly toYear: number,
    readonly cpRule: CpRule,
  ) {
    this.current = fromYear;
    this.years.set(fromYear, { closed: false, ae: zero(AE_FLOWS), cp: zero(CP_FLOWS) });
  }
  get year(): Year {
    return this.years.get(this.current)!;
  }
}

export class Books {
  private readonly envelopes = new Map<string, EnvelopeBooks>();

  open(envelopeId: string, fromYear: number, toYear: number, cpRule: CpRule): void {
    this.envelopes.set(envelopeId, new EnvelopeBooks(fromYear, toYear, cpRule));
  }
  private of(envelopeId: string) {
    return this.envelopes.get(envelopeId)!;
  }
  notify(envelopeId: string, ae: number, cp: number) {
    const y = this.of(envelopeId).year;
    y.ae.notified += ae;
    y.cp.notified += cp;
  }
  allocate(parentId: string, childId: string, ae: number, cp: number) {
    const [from, to] = [this.of(parentId).year, this.of(childId).year];
    from.ae.allocated += ae;
    from.cp.allocated += cp;
    to.ae.received += ae;
    to.cp.received += cp;
  }
  commit(envelopeId: string, cents: number) {
    this.of(envelopeId).year.ae.committed += cents;
    this.of(envelopeId).spending.committed += cents;
  }
  /** Désengagement: the AE comes back to the year it is released in. */
  release(envelopeId: string, cents: number) {
    this.of(envelopeId).year.ae.released += cents;
    this.of(envelopeId).spending.released += cents;
  }
  certify(envelopeId: string, cents: number) {
    this.of(envelopeId).spending.certified += cents;
  }
  pay(envelopeId: string, cents: number) {
    this.of(envelopeId).year.cp.paid += cents;
    this.of(envelopeId).spending.paid += cents;
  }
  orderRecovery(envelopeId: string, cents: number) {
    this.of(envelopeId).spending.titled += cents;
  }
  /** Collected on a payment of an earlier exercise: a receipt, no CP restored. */
  collectReceipt(envelopeId: string, cents: number) {
    const e = this.of(envelopeId);
    e.year.cp.receipts += cents;
    e.spending.recovered += cents;
  }
  /** The most of the current year's free CP its rule lets go on: all, or `percent` % of the credits the year received. */
  cpCap(envelopeId: string): number {
    const e = this.of(envelopeId);
    const y = e.year;
    if (e.current === e.toYear) return 0;
    return e.cpRule === 'all'
      ? freeCp(y.cp)
      : Math.min(freeCp(y.cp), Math.floor(((y.cp.notified + y.cp.received) * e.cpRule.percent) / 100));
  }
  /** Closes the current year: AE carried in full, CP as decided (`cpDecided`) or up to its cap; the last year carries nothing. */
  close(envelopeId: string, cpDecided?: number): { aeCarried: number; cpCarried: number; cpLapsed: number } {
    const e = this.of(envelopeId);
    const y = e.year;
    const last = e.current === e.toYear;
    const [aeFree, cpFree] = [freeAe(y.ae), freeCp(y.cp)];
    const aeCarried = last ? 0 : aeFree;
    const cpCarried = cpDecided ?? this.cpCap(envelopeId);
    Object.assign(y.ae, { carriedOut: aeCarried, lapsed: aeFree - aeCarried });
    Object.assign(y.cp, { carriedOut: cpCarried, lapsed: cpFree - cpCarried });
    y.closed = true;
    if (!last) {
      e.current += 1;
      const next = { closed: false, ae: zero(AE_FLOWS), cp: zero(CP_FLOWS) };
      next.ae.carriedIn = aeCarried;
      next.cp.carriedIn = cpCarried;
      e.years.set(e.current, next);
    }
    return { aeCarried, cpCarried, cpLapsed: cpFree - cpCarried };
  }

  /** What GET /envelopes/:id should show, in its own field names. */
  expected(envelopeId: string) {
    const e = this.of(envelopeId);
    const years = [...e.years.entries()].map(([year, y]) => ({
      year,
      closed: y.closed,
      ae: {
        ...cents({ ...y.ae, reduced: 0, transferredIn: 0, transferredOut: 0 }),
        availableCents: freeAe(y.ae),
      },
      cp: { ...cents({ ...y.cp, reduced: 0, transferredIn: 0, transferredOut: 0 }), availableCents: freeCp(y.cp) },
    }));
    const s = e.spending;
    return {
      currentYear: e.current,
      years,
      commitments: {
        committedCents: s.committed - s.released,
        certifiedCents: s.certified - s.recovered,
        paidCents: s.paid - s.recovered,
        remainingToPayCents: s.committed - s.released - (s.paid - s.recovered),
        recoveryOutstandingCents: s.titled - s.recovered,
      },
    };
  }

  /** The free credits per "envelope year" the ledger's sums must give (every envelope of these books). */
  available(): Record<string, { ae: number; cp: number }> {
    const out: Record<string, { ae: number; cp: number }> = {};
    for (const [id, e] of this.envelopes) for (const [year, y] of e.years) out[`${id} ${year}`] = { ae: freeAe(y.ae), cp: freeCp(y.cp) };
    return out;
  }
}

/** { paid: 5 } → { paidCents: 5 }; AE's consumed/restored are named committed/released on the wire, as here. */
function cents(flows: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(flows).map(([k, v]) => [`${k}Cents`, v]));
}

/** "-12500.00" → -1250000, from the text (no float). */
export function centsOf(amount: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!m) throw new Error(`not an amount: ${amount}`);
  const value = Number(m[2]) * 100 + Number(m[3]);
  return m[1] === '-' ? -value : value;
}

/** The ledger CSV (international format) summed per "envelope year": AE and CP, cents; and its rows. */
export async function ledgerSums(api: ApiHarness, token: string) {
  const res = await api.request('GET', '/audit/ledger.csv?format=international', { token });
  if (res.status !== 200) throw new Error(`ledger: ${res.status}`);
  const [header, ...rows] = parseCsv(String(res.body), ',').filter((r) => r.length > 1);
  const col = (name: string) => header!.indexOf(name);
  const [year, envelope, ae, cp, operation] = ['Exercice', 'Enveloppe', 'AE (€)', 'CP (€)', 'Opération'].map(col);
  const sums: Record<string, { ae: number; cp: number }> = {};
  for (const r of rows) {
    const k = `${r[envelope!]} ${r[year!]}`;
    const s = (sums[k] ??= { ae: 0, cp: 0 });
    s.ae += centsOf(r[ae!]!);
    s.cp += centsOf(r[cp!]!);
  }
  const table = rows.map((r) => ({ envelopeId: r[envelope!], year: Number(r[year!]), operation: r[operation!], cp: r[cp!] }));
  return { sums, rows: table };
}
