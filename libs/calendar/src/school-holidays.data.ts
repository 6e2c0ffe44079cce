import type { CalendarDay } from './calendar-day.js';

/**
 * SOURCE — the official school calendar: the national calendar fixed by arrêté of the ministre de l'Éducation nationale
 * for zones A, B and C (code de l'éducation, art. D. 521-1 s.), the rectoral calendars of Corsica and of the overseas
 * académies (art. D. 521-6 and D. 521-7), as published on education.gouv.fr and in the open dataset
 * « fr-en-calendrier-scolaire » of data.education.gouv.fr. Read the README beside this file for what is and is not here.
 *
 * DATASET — where a comment says "dataset", the period is the ministry's dataset « fr-en-calendrier-scolaire » as
 * republished in the GitHub repository m-bouville/predict_elec, file data/fr-en-calendrier-scolaire.csv, commit
 * e81013f767b0a22b384bfafb418396452443741f (an export of December 2025, school years up to 2026-2027 for zones A, B, C).
 * Its rows for the years they hold are the same in two older exports republished in 4strium/Predict-French-TV-Audience
 * (fr-en-calendrier-scolaire.csv, c2458787f07131dc37c2596b8c9afa2bf53c4ba5) and ayalaajil/BCG_datathon
 * (fr-en-calendrier-scolaire.csv, 558692c57bff4c309b1a3ddc78a0c4eb3fbd9220). The dataset gives the day classes end and
 * the day they resume; they are turned into this file's convention below.
 *
 * CONVENTION — `first` and `last` are the inclusive first and last days without classes. The calendar says holidays
 * start "after classes" on a day and end "on the morning" of the return: a Saturday departure counts that Saturday
 * (as the dataset does), a weekday departure starts the next day, and `last` is the day before classes resume.
 * Bridges (pont de l'Ascension) are not holidays and are not listed.
 */
export interface SchoolHolidayPeriod {
  name: string;
  first: CalendarDay;
  last: CalendarDay;
}

export interface SchoolCalendar {
  label: string;
  periods: readonly SchoolHolidayPeriod[];
  /** Where the periods above are the whole truth; outside, the calendar does not know (unpublished or not shipped). */
  known: readonly { from: CalendarDay; to: CalendarDay }[];
}

export const p = (name: string, first: CalendarDay, last: CalendarDay): SchoolHolidayPeriod => ({ name, first, last });

/**
 * The periods every metropolitan zone shares (dataset; 2026-2027 was fixed by the arrêté du 22 octobre 2025,
 * https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000052416058, not read here). Summer 2026 ends with the rentrée of
 * Tuesday 1 September 2026 (dataset). Summer 2027 starts after classes on Saturday 3 July (dataset); its end belongs to
 * the 2027-2028 calendar (arrêté du 21 juillet 2026), which neither the dataset copy nor any official page read here
 * holds: two third-party transcriptions of it put the rentrée on Thursday 2 September 2027, so 31 August stays the last
 * day, as before, and 1 September 2027 is not known.
 */
const NATIONAL = [
  p('Vacances de la Toussaint 2022', '2022-10-22', '2022-11-06'),
  p('Vacances de Noël 2022', '2022-12-17', '2023-01-02'),
  p('Vacances d’été 2023', '2023-07-08', '2023-09-03'),
  p('Vacances de la Toussaint 2023', '2023-10-21', '2023-11-05'),
  p('Vacances de Noël 2023', '2023-12-23', '2024-01-07'),
  p('Vacances d’été 2024', '2024-07-06', '2024-09-01'),
  p('Vacances de la Toussaint 2024', '2024-10-19', '2024-11-03'),
  p('Vacances de Noël 2024', '2024-12-21', '2025-01-05'),
  p('Vacances d’été 2025', '2025-07-05', '2025-08-31'),
  p('Vacances de la Toussaint 2025', '2025-10-18', '2025-11-02'),
  p('Vacances de Noël 2025', '2025-12-20', '2026-01-04'),
  p('Vacances d’été 2026', '2026-07-04', '2026-08-31'),
  p('Vacances de la Toussaint 2026', '2026-10-17', '2026-11-01'),
  p('Vacances de Noël 2026', '2026-12-19', '2027-01-03'),
  p('Vacances d’été 2027', '2027-07-03', '2027-08-31'),
];

const zone = (label: string, own: SchoolHolidayPeriod[], known: { from: CalendarDay; to: CalendarDay }[]): SchoolCalendar => ({
  label,
  periods: [...NATIONAL, ...own].sort((a, b) => a.first.localeCompare(b.first)),
  known,
});

/**
 * Each zone's winter and spring holidays (dataset). Winter and spring 2024 of zones B and C were swapped here before; the
 * dataset and the arrêté du 7 décembre 2022 as reported on its publication
 * (https://www.20minutes.fr/societe/4013886-20221208-vacances-scolaires-calendrier-annee-2023-2024-tombe: C from 10 to
 * 26 February and 6 to 22 April, B from 24 February to 11 March and 20 April to 6 May, the classes resuming on the last
 * day) give the dates below.
 */
export const METROPOLITAN_CALENDARS = {
  A: zone(
    'Zone A',
    [
      p('Vacances d’hiver 2023', '2023-02-04', '2023-02-19'),
      p('Vacances de printemps 2023', '2023-04-08', '2023-04-23'),
      p('Vacances d’hiver 2024', '2024-02-17', '2024-03-03'),
      p('Vacances de printemps 2024', '2024-04-13', '2024-04-28'),
      p('Vacances d’hiver 2025', '2025-02-22', '2025-03-09'),
      p('Vacances de printemps 2025', '2025-04-19', '2025-05-04'),
      p('Vacances d’hiver 2026', '2026-02-07', '2026-02-22'),
      p('Vacances de printemps 2026', '2026-04-04', '2026-04-19'),
      p('Vacances d’hiver 2027', '2027-02-13', '2027-02-28'),
      p('Vacances de printemps 2027', '2027-04-10', '2027-04-25'),
    ],
    [{ from: '2022-09-01', to: '2027-08-31' }],
  ),
  B: zone(
    'Zone B',
    [
      p('Vacances d’hiver 2023', '2023-02-11', '2023-02-26'),
      p('Vacances de printemps 2023', '2023-04-15', '2023-05-01'),
      p('Vacances d’hiver 2024', '2024-02-24', '2024-03-10'),
      p('Vacances de printemps 2024', '2024-04-20', '2024-05-05'),
      p('Vacances d’hiver 2025', '2025-02-08', '2025-02-23'),
      p('Vacances de printemps 2025', '2025-04-05', '2025-04-21'),
      p('Vacances d’hiver 2026', '2026-02-14', '2026-03-01'),
      p('Vacances de printemps 2026', '2026-04-11', '2026-04-26'),
      p('Vacances d’hiver 2027', '2027-02-20', '2027-03-07'),
      p('Vacances de printemps 2027', '2027-04-17', '2027-05-02'),
    ],
    [{ from: '2022-09-01', to: '2027-08-31' }],
  ),
  C: zone(
    'Zone C',
    [
      p('Vacances d’hiver 2023', '2023-02-18', '2023-03-05'),
      p('Vacances de printemps 2023', '2023-04-22', '2023-05-08'),
      p('Vacances d’hiver 2024', '2024-02-10', '2024-02-25'),
      p('Vacances de printemps 2024', '2024-04-06', '2024-04-21'),
      p('Vacances d’hiver 2025', '2025-02-15', '2025-03-02'),
      p('Vacances de printemps 2025', '2025-04-12', '2025-04-27'),
      p('Vacances d’hiver 2026', '2026-02-21', '2026-03-08'),
      p('Vacances de printemps 2026', '2026-04-18', '2026-05-03'),
      p('Vacances d’hiver 2027', '2027-02-06', '2027-02-21'),
      p('Vacances de printemps 2027', '2027-04-03', '2027-04-18'),
    ],
    [{ from: '2022-09-01', to: '2027-08-31' }],
  ),
} satisfies Record<string, SchoolCalendar>;
