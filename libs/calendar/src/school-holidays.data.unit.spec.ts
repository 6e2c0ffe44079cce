import { describe, expect, it } from '@jest/globals';
import { ACADEMIES } from '#territories';
import { addDays, isCalendarDay, weekdayOf } from './calendar-day.js';
import { ACADEMIE_SCHOOL_CALENDAR, SCHOOL_CALENDARS, schoolCalendarKnows, schoolHolidayOn } from './school-zones.js';

const calendars = Object.entries(SCHOOL_CALENDARS);

describe('the school holidays data', () => {
  it('maps every académie of #territories to a calendar, and nothing else', () => {
    expect(Object.keys(ACADEMIE_SCHOOL_CALENDAR).sort()).toEqual(ACADEMIES.map((a) => a.code).sort());
  });

  it('zones A, B and C follow the arrêté national: Nancy-Metz and Strasbourg in B, Lyon in A, Paris in C', () => {
    expect([ACADEMIE_SCHOOL_CALENDAR['12'], ACADEMIE_SCHOOL_CALENDAR['15']]).toEqual(['B', 'B']);
    expect([ACADEMIE_SCHOOL_CALENDAR['10'], ACADEMIE_SCHOOL_CALENDAR['01']]).toEqual(['A', 'C']);
  });

  it.each(calendars)('%s: real days, first <= last, in order, never overlapping', (_id, calendar) => {
    calendar.periods.forEach((x, i) => {
      expect([isCalendarDay(x.first), isCalendarDay(x.last), x.first <= x.last]).toEqual([true, true, true]);
      const next = calendar.periods[i + 1];
      if (next) expect(x.last < next.first).toBe(true);
    });
  });

  it.each(calendars)('%s: every period lies inside what the calendar says it knows', (_id, calendar) => {
    for (const x of calendar.periods)
      expect([schoolCalendarKnows(calendar, x.first), schoolCalendarKnows(calendar, x.last)]).toEqual([true, true]);
  });

  it.each(['A', 'B', 'C'] as const)(
    'zone %s: holidays start on a Saturday and (but summer, up to the rentrée) end on a Sunday or a bank-holiday Monday',
    (z) => {
      for (const x of SCHOOL_CALENDARS[z].periods.filter((x) => !x.name.startsWith('Vacances d’été'))) {
        expect(weekdayOf(x.first)).toBe(6);
        // Spring 2023 (1 and 8 May), spring 2025 (Easter Monday), Christmas 2022 (2 January): classes resume on a Tuesday.
        expect([0, 1]).toContain(weekdayOf(x.last));
      }
    },
  );

  it('zones A, B and C are known from the rentrée 2022 to the summer 2027, but for the spring 2027 not shipped', () => {
    for (const z of ['A', 'B', 'C'] as const) {
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[z], '2022-09-01')).toBe(true);
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[z], '2027-01-03')).toBe(true);
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[z], '2027-04-15')).toBe(false);
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[z], '2027-08-31')).toBe(true);
    }
  });

  it('Mayotte knows only its March 2025 holidays (1–16 March, education.gouv.fr), not the 17th nor the rest of the year', () => {
    expect(schoolHolidayOn(SCHOOL_CALENDARS.mayotte, '2025-03-01')?.name).toBe('Vacances de mars 2025');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.mayotte, '2025-03-16')?.name).toBe('Vacances de mars 2025');
    expect(schoolCalendarKnows(SCHOOL_CALENDARS.mayotte, '2025-02-28')).toBe(false);
    expect(schoolCalendarKnows(SCHOOL_CALENDARS.mayotte, '2025-03-17')).toBe(false);
  });

  it('zone B winter 2024 is 10–25 February; zone C was still at school on 10 February', () => {
    expect(schoolHolidayOn(SCHOOL_CALENDARS.B, '2024-02-10')?.name).toBe('Vacances d’hiver 2024');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.B, addDays('2024-02-25', 1))).toBeUndefined();
    expect(schoolHolidayOn(SCHOOL_CALENDARS.C, '2024-02-10')).toBeUndefined();
  });
});
