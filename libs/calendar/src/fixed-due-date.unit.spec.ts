import { describe, expect, it } from '@jest/globals';
import { fixedDueDate, workingDayReminder } from './fixed-due-date.js';

const SIGNED = new Date('2023-09-15T10:00:00+02:00');

describe('fixedDueDate: a day named by a decision', () => {
  it('Wednesday 30 June 2027 in Meuse stands, lapsing at midnight Paris (summer time)', () => {
    expect(fixedDueDate('2027-06-30', '55')).toEqual({
      dueDay: '2027-06-30',
      dueAt: new Date('2027-07-01T00:00:00+02:00'),
      timeZone: 'Europe/Paris',
    });
  });

  it('Sunday 30 June 2024 moves to Monday 1 July', () => {
    expect(fixedDueDate('2024-06-30', '55')).toMatchObject({ dueDay: '2024-07-01', dueAt: new Date('2024-07-02T00:00:00+02:00') });
  });

  it('La Réunion lapses at its own midnight (UTC+4)', () => {
    expect(fixedDueDate('2027-06-30', '974')).toEqual({
      dueDay: '2027-06-30',
      dueAt: new Date('2027-06-30T20:00:00.000Z'),
      timeZone: 'Indian/Reunion',
    });
  });
});

describe('workingDayReminder: 30 days before the lapse, moved back to a working day', () => {
  it('due Wednesday 30 June 2027: reminded at the start of Tuesday 1 June', () => {
    expect(workingDayReminder(fixedDueDate('2027-06-30', '55'), 30, SIGNED, '55')).toEqual(new Date('2027-06-01T00:00:00+02:00'));
  });

  it('due Monday 1 July 2024 (30 June moved): Sunday 2 June is not worked, reminded on Friday 31 May', () => {
    expect(workingDayReminder(fixedDueDate('2024-06-30', '55'), 30, SIGNED, '55')).toEqual(new Date('2024-05-31T00:00:00+02:00'));
  });

  it('a reminder on 14 July 2025 (a Monday, Fête nationale) goes back over the weekend to Friday 11 July', () => {
    expect(workingDayReminder(fixedDueDate('2025-08-12', '55'), 30, SIGNED, '55')).toEqual(new Date('2025-07-11T00:00:00+02:00'));
  });

  it('none when the act is signed after the reminder would be due', () => {
    expect(workingDayReminder(fixedDueDate('2023-10-02', '55'), 30, SIGNED, '55')).toBeUndefined();
  });
});
