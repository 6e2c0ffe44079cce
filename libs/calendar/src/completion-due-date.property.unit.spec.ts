import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, dayIn } from './calendar-day.js';
import { completionDueDate } from './completion-due-date.js';
import { isWorkingDay } from './public-holidays.js';
import { schoolCalendarOf, schoolHolidayOn } from './school-zones.js';

/** Départements with their académie: Meuse and Moselle (B), Rhône (A), Paris (C), Corse-du-Sud, La Réunion, Guyane. */
const TERRITORIES = [
  { departement: '55', academie: '12' },
  { departement: '57', academie: '12' },
  { departement: '69', academie: '10' },
  { departement: '75', academie: '01' },
  { departement: '2A', academie: '27' },
  { departement: '974', academie: '28' },
  { departement: '973', academie: '33' },
];
const request = fc.record({
  openedAt: fc.date({ min: new Date('2022-09-01T00:00:00Z'), max: new Date('2027-06-30T00:00:00Z'), noInvalidDate: true }),
  days: fc.integer({ min: 1, max: 90 }),
  territory: fc.constantFrom(...TERRITORIES),
  suspendDuringSchoolHolidays: fc.boolean(),
});

describe('completionDueDate (properties)', () => {
  it('the due day is never a Saturday, a Sunday or a public holiday of the territory', () => {
    fc.assert(fc.property(request, (r) => isWorkingDay(completionDueDate(r).dueDay, r.territory.departement)));
  });

  it('suspension never shortens a delay, and only lengthens it by the days it suspended (and the move to a working day)', () => {
    fc.assert(
      fc.property(request, (r) => {
        const plain = completionDueDate({ ...r, suspendDuringSchoolHolidays: false });
        const suspended = completionDueDate({ ...r, suspendDuringSchoolHolidays: true });
        expect(suspended.dueAt.getTime()).toBeGreaterThanOrEqual(plain.dueAt.getTime());
        if (suspended.suspendedDays === 0 && !suspended.schoolCalendarUnknown) expect(suspended.dueDay).toBe(plain.dueDay);
      }),
    );
  });

  it('the holder always has at least the full number of days, and the lapse is local midnight after the due day', () => {
    fc.assert(
      fc.property(request, (r) => {
        const d = completionDueDate(r);
        const openDay = dayIn(r.openedAt, d.timeZone);
        expect(d.dueDay >= addDays(openDay, r.days)).toBe(true);
        expect(dayIn(d.dueAt, d.timeZone)).toBe(addDays(d.dueDay, 1));
        expect(dayIn(new Date(d.dueAt.getTime() - 1), d.timeZone)).toBe(d.dueDay);
      }),
    );
  });

  it('with suspension, a known school calendar never puts the due day inside its holidays', () => {
    fc.assert(
      fc.property(request, (r) => {
        const d = completionDueDate({ ...r, suspendDuringSchoolHolidays: true });
        if (d.schoolCalendarUnknown) return;
        expect(schoolHolidayOn(schoolCalendarOf(r.territory.academie)!, d.dueDay)).toBeUndefined();
      }),
    );
  });
});
