import { ANTILLES_GUYANE_CALENDARS } from './school-holidays-antilles-guyane.data.js';
import { INDIAN_OCEAN_CALENDARS } from './school-holidays-indian-ocean.data.js';
import { type SchoolCalendar, p } from './school-holidays.data.js';

/**
 * The rectoral calendars of Corsica and of the overseas académies (same source and convention as school-holidays.data.ts;
 * "dataset" is the ministry's dataset as named there). Martinique, Guadeloupe and Guyane are in
 * school-holidays-antilles-guyane.data.ts, La Réunion and Mayotte in school-holidays-indian-ocean.data.ts. Each calendar's
 * `known` says which days its data covers; outside, a deadline is not suspended and the result says so.
 *
 * Corse: the académie's published calendar, the same in the dataset for 2022-2023 to 2024-2025, plus summer 2023 from the
 * dataset (classes end on Friday 7 July, resume on Tuesday 5 September 2023). Summer 2024 starts on Saturday 6 July 2024
 * (dataset: « Vacances d'Été » from 2024-07-05T22:00Z, the same in the January 2026 export named in
 * school-holidays-antilles-guyane.data.ts); its end is in conflict: the dataset has the pupils back on Thursday
 * 5 September 2024, the académie's calendar this data was read from on Tuesday 3 September. Both put the pupils out of
 * class until 2 September, so summer 2024 is shipped to 2 September and 3–4 September 2024 stay unknown. Between the
 * spring holidays and summer 2024 the dataset has only a single day (Pentecost Monday, 20 May). The single days without
 * classes (8 September, 8 December, Pentecost Monday) are not holidays, like bridges.
 */
const corse: SchoolCalendar = {
  label: 'Corse',
  periods: [
    p('Vacances de la Toussaint 2022', '2022-10-22', '2022-11-06'),
    p('Vacances de Noël 2022', '2022-12-17', '2023-01-02'),
    p('Vacances d’hiver 2023', '2023-02-18', '2023-03-05'),
    p('Vacances de printemps 2023', '2023-04-15', '2023-05-01'),
    p('Vacances d’été 2023', '2023-07-08', '2023-09-04'),
    p('Vacances de la Toussaint 2023', '2023-10-21', '2023-11-05'),
    p('Vacances de Noël 2023', '2023-12-23', '2024-01-07'),
    p('Vacances d’hiver 2024', '2024-02-24', '2024-03-10'),
    p('Vacances de printemps 2024', '2024-04-27', '2024-05-12'),
    p('Vacances d’été 2024', '2024-07-06', '2024-09-02'),
    p('Vacances de la Toussaint 2024', '2024-10-19', '2024-11-03'),
    p('Vacances de Noël 2024', '2024-12-21', '2025-01-05'),
    p('Vacances d’hiver 2025', '2025-02-15', '2025-03-02'),
    p('Vacances de printemps 2025', '2025-04-12', '2025-04-27'),
    p('Vacances d’été 2025', '2025-07-05', '2025-09-01'),
    p('Vacances de la Toussaint 2025', '2025-10-18', '2025-11-02'),
    p('Vacances de Noël 2025', '2025-12-20', '2026-01-04'),
    p('Vacances d’hiver 2026', '2026-02-14', '2026-03-01'),
    p('Vacances de printemps 2026', '2026-04-11', '2026-04-26'),
  ],
  known: [
    { from: '2022-09-02', to: '2024-09-02' },
    { from: '2024-09-05', to: '2026-07-03' },
  ],
};

export const LOCAL_CALENDARS = {
  corse,
  ...INDIAN_OCEAN_CALENDARS,
  ...ANTILLES_GUYANE_CALENDARS,
} satisfies Record<string, SchoolCalendar>;
