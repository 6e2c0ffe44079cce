import { DomainError, invalid } from '#kernel';

export const FUNDS = ['fip', 'fir'] as const;
/** FIP: Fonds d'innovation pédagogique (education); FIR: Fonds d'intervention régional (health, ARS). */
export type Fund = (typeof FUNDS)[number];

/** A period of exercise years, inclusive: { fromYear: 2023, toYear: 2027 } or a single year. */
export interface Period {
  fromYear: number;
  toYear: number;
}

const TERRITORY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Lazy territory: 'fip-national-2023-2027' is national over 2023–2027 (envelopeId refuses codes that would be ambiguous).
const ENVELOPE_ID = /^(fip|fir)-([a-z0-9]+(?:-[a-z0-9]+)*?)-(\d{4})(?:-(\d{4}))?$/;

export function isFund(value: unknown): value is Fund {
  return typeof value === 'string' && (FUNDS as readonly string[]).includes(value);
}

export function assertPeriod(period: unknown): Period {
  const p = period as Partial<Period> | null;
  const ok =
    !!p &&
    Number.isInteger(p.fromYear) &&
    Number.isInteger(p.toYear) &&
    p.fromYear! >= 2000 &&
    p.toYear! <= 2100 &&
    p.fromYear! <= p.toYear!;
  if (!ok) throw invalid('ENVELOPE_INVALID_PERIOD', 'period', 'fromYear <= toYear, both integer years in 2000..2100');
  return { fromYear: p.fromYear!, toYear: p.toYear! };
}

export function periodLabel(period: Period): string {
  return period.fromYear === period.toYear ? String(period.fromYear) : `${period.fromYear}-${period.toYear}`;
}

/**
 * The envelope id, one per (fund, owner territory, period):
 * envelopeId('fip', 'academie-09', { fromYear: 2023, toYear: 2023 }) → 'fip-academie-09-2023';
 * envelopeId('fip', 'national', { fromYear: 2023, toYear: 2027 }) → 'fip-national-2023-2027'.
 * The territory code is lower-cased; it may hold dashes ('ars-32', 'cts-59-1', 'academie-09').
 */
export function envelopeId(fund: Fund, territoryCode: string, period: Period | number | string): string {
  if (!isFund(fund)) throw invalid('ENVELOPE_INVALID_FUND', 'fund', `one of ${FUNDS.join(', ')}`);
  const territory = String(territoryCode ?? '')
    .trim()
    .toLowerCase();
  if (!TERRITORY.test(territory))
    throw invalid('ENVELOPE_INVALID_TERRITORY', 'territoryCode', 'lower-case letters, digits and single dashes');
  const label = typeof period === 'object' ? periodLabel(assertPeriod(period)) : String(period);
  const id = `${fund}-${territory}-${label}`;
  const parsed = parseEnvelopeId(id);
  if (!parsed || periodLabel(parsed.period) !== label)
    throw invalid('ENVELOPE_INVALID_PERIOD', 'period', 'a year (2023) or a range (2023-2027)');
  if (parsed.territoryCode !== territory)
    throw invalid('ENVELOPE_INVALID_TERRITORY', 'territoryCode', 'must not end with a 4-digit segment (read as a year)');
  return id;
}

/** 'fip-academie-09-2023' → { fund: 'fip', territoryCode: 'academie-09', period: 2023..2023 }; undefined if malformed. */
export function parseEnvelopeId(id: string): { fund: Fund; territoryCode: string; period: Period } | undefined {
  const m = ENVELOPE_ID.exec(id);
  if (!m) return undefined;
  const fromYear = Number(m[3]);
  const toYear = m[4] === undefined ? fromYear : Number(m[4]);
  if (toYear < fromYear) return undefined;
  return { fund: m[1] as Fund, territoryCode: m[2]!, period: { fromYear, toYear } };
}

export const ENVELOPE_STREAM_PREFIX = 'envelope-';

/** 'fip-academie-09-2023' → 'envelope-fip-academie-09-2023'. */
export function envelopeStreamId(id: string): string {
  if (!parseEnvelopeId(id)) {
    throw new DomainError('invalid', 'ENVELOPE_INVALID_ID', `« ${id} » n’est pas un identifiant d’enveloppe.`, {
      field: 'envelopeId',
      rule: 'fund-territory-period',
    });
  }
  return `${ENVELOPE_STREAM_PREFIX}${id}`;
}

export function envelopeIdFromStream(streamId: string): string | undefined {
  if (!streamId.startsWith(ENVELOPE_STREAM_PREFIX)) return undefined;
  const id = streamId.slice(ENVELOPE_STREAM_PREFIX.length);
  return parseEnvelopeId(id) ? id : undefined;
}
