const PARIS_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' });

/** The exercise year of an instant, in metropolitan France's time (a validation at 23:30 UTC on 31 December is next year's). */
export function exerciseYearOf(iso: string): number {
  return Number(PARIS_YEAR.format(new Date(iso)));
}
