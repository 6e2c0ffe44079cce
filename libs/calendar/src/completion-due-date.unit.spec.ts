import { describe, expect, it } from '@jest/globals';
import { completionDueDate, reminderDate } from './completion-due-date.js';

const paris = (local: string) => new Date(`${local}+01:00`);
const due = (openedAt: Date, departement: string, academie: string | undefined, suspend: boolean, days = 30) =>
  completionDueDate({
    openedAt,
    days,
    territory: { departement, ...(academie ? { academie } : {}) },
    suspendDuringSchoolHolidays: suspend,
  });

describe('completionDueDate (real calendars)', () => {
  it('Nancy-Metz, asked on Friday 20 October 2023: the zone B Toussaint (21 Oct – 5 Nov) does not count', () => {
    const d = due(new Date('2023-10-20T14:00:00+02:00'), '55', '12', true);
    expect(d).toEqual({
      dueDay: '2023-12-05',
      dueAt: new Date('2023-12-06T00:00:00+01:00'),
      timeZone: 'Europe/Paris',
      suspendedDays: 16,
      schoolCalendarUnknown: false,
    });
  });

  it('without suspension the same request falls on Sunday 19 November and moves to Monday 20', () => {
    expect(due(new Date('2023-10-20T14:00:00+02:00'), '55', '12', false)).toMatchObject({ dueDay: '2023-11-20', suspendedDays: 0 });
  });

  it('a due day on 11 November (Armistice, a Monday in 2024) moves to Tuesday 12', () => {
    expect(due(new Date('2024-10-12T10:00:00+02:00'), '75', undefined, false).dueDay).toBe('2024-11-12');
  });

  it('a due day on Easter Monday (21 April 2025) moves to Tuesday 22', () => {
    expect(due(paris('2025-03-22T10:00:00'), '75', undefined, false).dueDay).toBe('2025-04-22');
  });

  it('Good Friday is a holiday in Moselle (57), not in Meuse (55): 29 March 2024', () => {
    const opened = paris('2024-02-28T10:00:00');
    expect(due(opened, '55', undefined, false).dueDay).toBe('2024-03-29');
    // Friday 29 (Vendredi saint), the weekend, Monday 1 April (Easter Monday): Tuesday 2 April.
    expect(due(opened, '57', undefined, false).dueDay).toBe('2024-04-02');
  });

  it('26 December (Saint-Étienne) is a holiday in Bas-Rhin (67) only', () => {
    const opened = paris('2024-11-26T10:00:00');
    expect(due(opened, '75', undefined, false).dueDay).toBe('2024-12-26');
    expect(due(opened, '67', undefined, false).dueDay).toBe('2024-12-27');
  });

  it('La Réunion counts in Indian/Reunion: at 01:30 there on 11 June it is still 10 June in Paris', () => {
    const d = due(new Date('2024-06-10T21:30:00Z'), '974', undefined, false);
    expect(d).toMatchObject({ dueDay: '2024-07-11', timeZone: 'Indian/Reunion', dueAt: new Date('2024-07-12T00:00:00+04:00') });
    expect(due(new Date('2024-06-10T21:30:00Z'), '75', undefined, false).dueDay).toBe('2024-07-10');
  });

  it('La Réunion keeps 20 December (abolition of slavery); Paris does not', () => {
    const opened = new Date('2024-11-20T06:00:00Z');
    expect(due(opened, '974', undefined, false).dueDay).toBe('2024-12-23');
    expect(due(opened, '75', undefined, false).dueDay).toBe('2024-12-20');
  });

  it('in a DST-change week the lapse is still local midnight: spring 2024', () => {
    // Sunday 31 March (the change), Easter Monday 1 April: due Tuesday 2 April, lapses at midnight CEST (UTC+2).
    expect(due(paris('2024-03-01T09:00:00'), '75', undefined, false)).toMatchObject({
      dueDay: '2024-04-02',
      dueAt: new Date('2024-04-02T22:00:00Z'),
    });
  });

  it('in a DST-change week the reminder is 7 local days before the lapse, 169 hours in autumn 2024', () => {
    const opened = new Date('2024-09-27T09:00:00+02:00');
    const d = due(opened, '75', undefined, false);
    expect(d).toMatchObject({ dueDay: '2024-10-28', dueAt: new Date('2024-10-29T00:00:00+01:00') });
    const remind = reminderDate(d, 7, opened);
    expect(remind).toEqual(new Date('2024-10-22T00:00:00+02:00'));
    expect((d.dueAt.getTime() - remind!.getTime()) / 3_600_000).toBe(169);
  });

  it('no reminder when its day would not come after the opening', () => {
    const opened = paris('2024-03-01T09:00:00');
    expect(reminderDate(due(opened, '75', undefined, false, 3), 7, opened)).toBeUndefined();
  });

  it('says so when the académie calendar shipped does not cover the period (Guyane 2026-2027), and counts those days', () => {
    const d = due(new Date('2026-10-10T12:00:00Z'), '973', '33', true);
    expect(d).toMatchObject({ schoolCalendarUnknown: true, suspendedDays: 0, timeZone: 'America/Cayenne' });
  });

  it('Guyane 2024-2025 is known: its Toussaint (19 Oct – 3 Nov 2024) does not count', () => {
    const d = due(new Date('2024-10-10T12:00:00Z'), '973', '33', true);
    expect(d).toMatchObject({ schoolCalendarUnknown: false, suspendedDays: 16, timeZone: 'America/Cayenne' });
  });

  it('Guyane, asked on 10 October 2022: known since the rentrée (5 September); the Toussaint (22 Oct – 6 Nov) does not count', () => {
    const d = due(new Date('2022-10-10T12:00:00Z'), '973', '33', true);
    expect(d).toMatchObject({ dueDay: '2022-11-25', schoolCalendarUnknown: false, suspendedDays: 16, timeZone: 'America/Cayenne' });
  });

  it('Corse, asked on Monday 13 May 2024: known through June (no holiday until summer), due Wednesday 12 June', () => {
    expect(due(paris('2024-05-13T10:00:00'), '2A', '27', true)).toMatchObject({
      dueDay: '2024-06-12',
      schoolCalendarUnknown: false,
      suspendedDays: 0,
    });
  });

  it('Corse, asked in June 2024 and running into the rentrée: suspended from 6 July, and 3–4 September are unknown', () => {
    const d = due(paris('2024-06-25T10:00:00'), '2A', '27', true);
    // 26 June – 5 July count (10 days), 6 July – 2 September are suspended (59 days); 3 September counts, flagged unknown.
    expect(d).toMatchObject({ suspendedDays: 59, schoolCalendarUnknown: true });
  });

  it('Lyon (zone A), asked on Friday 5 February 2027: the winter holidays (13–28 February) do not count', () => {
    const d = due(paris('2027-02-05T10:00:00'), '69', '10', true);
    expect(d).toMatchObject({ dueDay: '2027-03-23', suspendedDays: 16, schoolCalendarUnknown: false });
  });

  it('refuses a delay that is not a positive whole number of days', () => {
    expect(() => due(paris('2024-03-01T09:00:00'), '75', undefined, false, 0)).toThrow(RangeError);
  });
});
