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

  it('zones A, B and C are known from the rentrée 2022 to 31 August 2027, spring 2027 included; 1 September 2027 is not', () => {
    for (const z of ['A', 'B', 'C'] as const) {
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[z], '2022-09-01')).toBe(true);
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[z], '2027-04-15')).toBe(true);
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[z], '2027-08-31')).toBe(true);
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[z], '2027-09-01')).toBe(false);
    }
  });

  it('2026-2027 (dataset): zone A winter 13–28 Feb and spring 10–25 April, B spring 17 April – 2 May, C spring 3–18 April', () => {
    expect(schoolHolidayOn(SCHOOL_CALENDARS.A, '2027-02-13')?.name).toBe('Vacances d’hiver 2027');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.A, '2027-02-28')?.name).toBe('Vacances d’hiver 2027');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.A, '2027-03-01')).toBeUndefined();
    expect(schoolHolidayOn(SCHOOL_CALENDARS.A, '2027-04-10')?.name).toBe('Vacances de printemps 2027');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.B, '2027-05-02')?.name).toBe('Vacances de printemps 2027');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.B, '2027-04-16')).toBeUndefined();
    expect(schoolHolidayOn(SCHOOL_CALENDARS.C, '2027-04-03')?.name).toBe('Vacances de printemps 2027');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.C, '2027-04-19')).toBeUndefined();
  });

  it('summer 2026 ends with the rentrée of Tuesday 1 September 2026 in every zone', () => {
    for (const z of ['A', 'B', 'C'] as const) {
      expect(schoolHolidayOn(SCHOOL_CALENDARS[z], '2026-08-31')?.name).toBe('Vacances d’été 2026');
      expect([schoolCalendarKnows(SCHOOL_CALENDARS[z], '2026-09-01'), schoolHolidayOn(SCHOOL_CALENDARS[z], '2026-09-01')]).toEqual([
        true,
        undefined,
      ]);
    }
  });

  it('zone C winter 2024 is 10–25 February, zone B 24 February – 10 March (the arrêté of 2022, the dataset)', () => {
    expect(schoolHolidayOn(SCHOOL_CALENDARS.C, '2024-02-10')?.name).toBe('Vacances d’hiver 2024');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.C, addDays('2024-02-25', 1))).toBeUndefined();
    expect(schoolHolidayOn(SCHOOL_CALENDARS.B, '2024-02-10')).toBeUndefined();
    expect(schoolHolidayOn(SCHOOL_CALENDARS.B, '2024-03-10')?.name).toBe('Vacances d’hiver 2024');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.B, '2024-05-05')?.name).toBe('Vacances de printemps 2024');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.C, '2024-04-06')?.name).toBe('Vacances de printemps 2024');
  });

  it('the overseas académies are known from 2022-2023 to the summer 2026 (dataset), Guyane included', () => {
    for (const id of ['martinique', 'guadeloupe', 'guyane', 'reunion'] as const) {
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[id], '2023-01-15')).toBe(true);
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[id], '2026-07-03')).toBe(true);
      expect(schoolCalendarKnows(SCHOOL_CALENDARS[id], '2026-10-01')).toBe(false);
    }
    expect(SCHOOL_CALENDARS.guyane.known.length).toBeGreaterThan(0);
    expect(schoolHolidayOn(SCHOOL_CALENDARS.guyane, '2024-02-12')?.name).toBe('Vacances de Carnaval 2024');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.martinique, '2024-04-01')?.name).toBe('Vacances de Pâques 2024');
    // A weekday departure: Guadeloupe leaves after classes on Thursday 28 March 2024, so the Thursday had classes.
    expect(schoolHolidayOn(SCHOOL_CALENDARS.guadeloupe, '2024-03-28')).toBeUndefined();
    expect(schoolHolidayOn(SCHOOL_CALENDARS.guadeloupe, '2024-03-29')?.name).toBe('Vacances de Pâques 2024');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.reunion, '2023-01-10')?.name).toBe('Vacances de l’été austral 2022-2023');
  });

  it('Mayotte: its calendar but after cyclone Chido, where only education.gouv.fr is followed (rentrée 27 January, 1–16 March)', () => {
    expect(schoolHolidayOn(SCHOOL_CALENDARS.mayotte, '2024-10-14')?.name).toBe('Vacances de la Toussaint 2024');
    expect(schoolHolidayOn(SCHOOL_CALENDARS.mayotte, '2025-01-20')?.name).toMatch(/^Vacances de Noël 2024/);
    expect([schoolCalendarKnows(SCHOOL_CALENDARS.mayotte, '2025-01-27'), schoolHolidayOn(SCHOOL_CALENDARS.mayotte, '2025-01-27')]).toEqual([
      true,
      undefined,
    ]);
    expect(schoolHolidayOn(SCHOOL_CALENDARS.mayotte, '2025-03-16')?.name).toBe('Vacances de mars 2025');
    expect(schoolCalendarKnows(SCHOOL_CALENDARS.mayotte, '2025-03-17')).toBe(false);
    expect(schoolCalendarKnows(SCHOOL_CALENDARS.mayotte, '2025-05-01')).toBe(false);
    expect(schoolHolidayOn(SCHOOL_CALENDARS.mayotte, '2026-03-02')?.name).toBe('Vacances de Carnaval 2026');
  });

  it('Corse: summer 2023 from the dataset; the rentrée 2024 (3 or 5 September) stays unknown', () => {
    expect(schoolHolidayOn(SCHOOL_CALENDARS.corse, '2023-09-04')?.name).toBe('Vacances d’été 2023');
    expect([schoolCalendarKnows(SCHOOL_CALENDARS.corse, '2023-09-05'), schoolHolidayOn(SCHOOL_CALENDARS.corse, '2023-09-05')]).toEqual([
      true,
      undefined,
    ]);
    expect(['2024-09-03', '2024-09-04'].map((d) => schoolCalendarKnows(SCHOOL_CALENDARS.corse, d))).toEqual([false, false]);
    expect([schoolCalendarKnows(SCHOOL_CALENDARS.corse, '2024-09-05'), schoolHolidayOn(SCHOOL_CALENDARS.corse, '2024-09-05')]).toEqual([
      true,
      undefined,
    ]);
  });

  it('Corse 2024: classes from 13 May to Friday 5 July, summer from Saturday 6 July to 2 September on either rentrée', () => {
    for (const d of ['2024-05-13', '2024-06-14', '2024-07-05'])
      expect([schoolCalendarKnows(SCHOOL_CALENDARS.corse, d), schoolHolidayOn(SCHOOL_CALENDARS.corse, d)]).toEqual([true, undefined]);
    for (const d of ['2024-07-06', '2024-08-15', '2024-09-02'])
      expect(schoolHolidayOn(SCHOOL_CALENDARS.corse, d)?.name).toBe('Vacances d’été 2024');
    expect(schoolCalendarKnows(SCHOOL_CALENDARS.corse, '2024-08-15')).toBe(true);
  });

  it('Guyane: summer 2022 to the rentrée of Monday 5 September 2022 (dataset, 2021-2022), then classes to the Toussaint', () => {
    expect(schoolHolidayOn(SCHOOL_CALENDARS.guyane, '2022-09-04')?.name).toBe('Vacances d’été 2022');
    for (const d of ['2022-09-05', '2022-10-03', '2022-10-21'])
      expect([schoolCalendarKnows(SCHOOL_CALENDARS.guyane, d), schoolHolidayOn(SCHOOL_CALENDARS.guyane, d)]).toEqual([true, undefined]);
    expect(schoolCalendarKnows(SCHOOL_CALENDARS.guyane, '2022-07-08')).toBe(false);
  });
});
