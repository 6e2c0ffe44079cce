/**
 * Delegations and acts are dated by day ('YYYY-MM-DD'), as the arrêtés are: a day is the civil day in Europe/Paris,
 * so an act signed at 00:30 in Paris on 1 September (22:30 UTC on 31 August) is dated 1 September.
 * Bounds are inclusive: a delegation valid until 31 August covers acts of 31 August.
 */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DAY.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const PARIS_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day in Paris of an instant (the act's date from the command's `now`). */
export function parisDayOf(instant: Date | string): string {
  const parts = PARIS_DAY.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** '2024-01-31' → '31/01/2024', as a French sentence writes it. */
export function frenchDay(day: string): string {
  const match = ISO_DAY.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}
