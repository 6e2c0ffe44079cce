const HOUR_MS = 3_600_000;
// Module aliases of globals: a million dates are formatted per export, and a global looked up per call is slow where
// code runs in a vm context (as under jest).
const { floor } = Math;
const JsDate = Date;
const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * The offset of Europe/Paris from UTC, in minutes, at an instant. Summer time starts and ends on a whole UTC hour, so the
 * offset is the same throughout a UTC hour: it is asked of Intl once per hour seen (an export of a million rows formats
 * a million dates), in a cache that is emptied when it grows past a few years of hours.
 */
const offsets = new Map<number, number>();
export function parisOffsetMinutes(instant: Date): number {
  const hour = floor(instant.getTime() / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const at = new Date(hour * HOUR_MS);
    const p = Object.fromEntries(PARIS.formatToParts(at).map((part) => [part.type, part.value]));
    const wallClock = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']));
    offset = Math.round((wallClock - at.getTime()) / 60_000);
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** The Paris wall-clock time of an instant, as the UTC fields of a Date (what a spreadsheet cell, without zone, shows). */
export function parisWallClock(instant: Date): Date {
  return new JsDate(instant.getTime() + parisOffsetMinutes(instant) * 60_000);
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** "15/09/2023 11:00:00": Paris time, as French spreadsheets read a date and time (JJ/MM/AAAA HH:MM:SS). */
export function frenchDateTime(instant: Date): string {
  const w = parisWallClock(instant);
  const date = `${two(w.getUTCDate())}/${two(w.getUTCMonth() + 1)}/${w.getUTCFullYear()}`;
  return `${date} ${two(w.getUTCHours())}:${two(w.getUTCMinutes())}:${two(w.getUTCSeconds())}`;
}

/** "2023-09-15T11:00:00.000+02:00": ISO 8601, Paris time with its offset (the same instant as the log's UTC time). */
export function isoParisDateTime(instant: Date): string {
  const offset = parisOffsetMinutes(instant);
  const local = parisWallClock(instant).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const abs = offset < 0 ? -offset : offset;
  return `${local}${sign}${two(floor(abs / 60))}:${two(abs % 60)}`;
}
