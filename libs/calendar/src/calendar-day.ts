/** A civil date, 'YYYY-MM-DD', with no time zone: the day a French calendar speaks of. */
export type CalendarDay = string;

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const utcMidnight = (day: CalendarDay): number => {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a calendar day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
};

const dayOfUtc = (ms: number): CalendarDay => new Date(ms).toISOString().slice(0, 10);

export const isCalendarDay = (v: string): boolean => DAY.test(v) && dayOfUtc(utcMidnight(v)) === v;

/** Civil-date arithmetic (done on UTC midnights, where every day has 24 hours). */
export const addDays = (day: CalendarDay, n: number): CalendarDay => dayOfUtc(utcMidnight(day) + n * DAY_MS);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: CalendarDay): number => new Date(utcMidnight(day)).getUTCDay();

export const isWeekend = (day: CalendarDay): boolean => weekdayOf(day) === 0 || weekdayOf(day) === 6;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a zone, as if it were UTC (ms); never the server's zone. */
function wallClockMs(instant: number, timeZone: string): number {
  const p = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second']));
}

/** The civil date of an instant in the given IANA time zone. */
export const dayIn = (instant: Date, timeZone: string): CalendarDay => dayOfUtc(wallClockMs(instant.getTime(), timeZone));

/** The instant a civil date begins (local midnight) in the given IANA time zone. */
export function startOfDayIn(day: CalendarDay, timeZone: string): Date {
  const wall = utcMidnight(day);
  // The zone's offset at the guess, then at the corrected guess: exact unless midnight itself is skipped by a DST change.
  let instant = wall;
  for (let i = 0; i < 2; i++) instant = wall - (wallClockMs(instant, timeZone) - instant);
  return new Date(instant);
}
