import { type SchoolCalendar, p } from './school-holidays.data.js';

/**
 * The rectoral calendars of Martinique, Guadeloupe and Guyane, 2022-2023 to 2025-2026, from the ministry's dataset (named
 * in school-holidays.data.ts; its rows for Martinique 2022-2023 and 2025-2026 and Guadeloupe 2024-2025 are the periods
 * read before from the académies' calendars). The days of the dataset's ponts (Ascension; Guyane's « pont à Pâques » of
 * 29 March – 2 April 2024 and its « pont de l'Ascension » of 15–21 May 2023), of Guadeloupe's mi-carême and of its
 * scattered « semaine en mai » days (but the whole week of 2025) are not holidays, like every bridge. 2026-2027 is not in
 * the dataset copy nor in its export of January 2026 (named below): not shipped.
 */
export const ANTILLES_GUYANE_CALENDARS = {
  martinique: {
    label: 'Martinique',
    periods: [
      p('Vacances de la Toussaint 2022', '2022-10-22', '2022-11-06'),
      p('Vacances de Noël 2022', '2022-12-17', '2023-01-02'),
      p('Vacances de Carnaval 2023', '2023-02-11', '2023-02-26'),
      p('Vacances de Pâques 2023', '2023-04-01', '2023-04-16'),
      p('Vacances d’été 2023', '2023-07-08', '2023-09-03'),
      p('Vacances de la Toussaint 2023', '2023-10-21', '2023-11-05'),
      p('Vacances de Noël 2023', '2023-12-23', '2024-01-07'),
      p('Vacances de Carnaval 2024', '2024-02-10', '2024-02-25'),
      p('Vacances de Pâques 2024', '2024-03-23', '2024-04-07'),
      p('Vacances d’été 2024', '2024-07-06', '2024-09-01'),
      p('Vacances de la Toussaint 2024', '2024-10-19', '2024-11-03'),
      p('Vacances de Noël 2024', '2024-12-21', '2025-01-05'),
      p('Vacances de Carnaval 2025', '2025-02-22', '2025-03-09'),
      p('Vacances de Pâques 2025', '2025-04-12', '2025-04-27'),
      p('Vacances d’été 2025', '2025-07-05', '2025-08-31'),
      p('Vacances de la Toussaint 2025', '2025-10-18', '2025-11-02'),
      p('Vacances de Noël 2025', '2025-12-20', '2026-01-04'),
      p('Vacances de Carnaval 2026', '2026-02-07', '2026-02-22'),
      p('Vacances de Pâques 2026', '2026-03-28', '2026-04-12'),
    ],
    known: [{ from: '2022-09-01', to: '2026-07-03' }],
  },
  guadeloupe: {
    label: 'Guadeloupe',
    periods: [
      p('Vacances de la Toussaint 2022', '2022-10-22', '2022-11-06'),
      p('Vacances de Noël 2022', '2022-12-17', '2023-01-02'),
      p('Vacances de Carnaval 2023', '2023-02-11', '2023-02-26'),
      p('Vacances de printemps 2023', '2023-04-01', '2023-04-16'),
      p('Vacances d’été 2023', '2023-07-08', '2023-09-03'),
      p('Vacances de la Toussaint 2023', '2023-10-21', '2023-11-05'),
      p('Vacances de Noël 2023', '2023-12-23', '2024-01-07'),
      p('Vacances de Carnaval 2024', '2024-02-10', '2024-02-25'),
      p('Vacances de Pâques 2024', '2024-03-29', '2024-04-14'),
      p('Vacances d’été 2024', '2024-07-06', '2024-09-01'),
      p('Vacances de la Toussaint 2024', '2024-10-23', '2024-11-03'),
      p('Vacances de Noël 2024', '2024-12-21', '2025-01-05'),
      p('Vacances de Carnaval 2025', '2025-02-22', '2025-03-09'),
      p('Vacances de Pâques 2025', '2025-04-18', '2025-05-04'),
      p('Semaine de mai 2025', '2025-05-24', '2025-06-01'),
      p('Vacances d’été 2025', '2025-07-05', '2025-08-31'),
      p('Vacances de la Toussaint 2025', '2025-10-18', '2025-11-02'),
      p('Vacances de Noël 2025', '2025-12-20', '2026-01-04'),
      p('Vacances de Carnaval 2026', '2026-02-07', '2026-02-22'),
      p('Vacances de Pâques 2026', '2026-04-03', '2026-04-19'),
    ],
    known: [{ from: '2022-09-01', to: '2026-07-03' }],
  },
  guyane: {
    label: 'Guyane',
    // Summer 2022 and the rentrée 2022 are the dataset's row of 2021-2022 (« Vacances d'Été », Élèves, Guyane: from
    // 2022-07-08T22:00Z to 2022-09-04T22:00Z, i.e. Saturday 9 July to the rentrée of Monday 5 September 2022), the same in
    // the December 2025 copy named in school-holidays.data.ts, in the export of 16 December 2022 republished in
    // SianaOce/Planning (fr-en-calendrier-scolaire.json, 1613ffa0d1cc5172a01766a5829bb884162fe814) and in the export of
    // January 2026 republished in Poreck20/Deep_learnin_serie_temps (data/fr-en-calendrier-scolaire.csv,
    // 62aa4ff32edcfd1f5c84ebfaa6dc80a0336bbfd1). No holiday lies between the rentrée and the Toussaint 2022.
    periods: [
      p('Vacances d’été 2022', '2022-07-09', '2022-09-04'),
      p('Vacances de la Toussaint 2022', '2022-10-22', '2022-11-06'),
      p('Vacances de Noël 2022', '2022-12-17', '2023-01-02'),
      p('Vacances de Carnaval 2023', '2023-02-18', '2023-03-05'),
      p('Vacances de printemps 2023', '2023-04-06', '2023-04-19'),
      p('Vacances d’été 2023', '2023-07-08', '2023-09-03'),
      p('Vacances de la Toussaint 2023', '2023-10-21', '2023-11-05'),
      p('Vacances de Noël 2023', '2023-12-23', '2024-01-07'),
      p('Vacances de Carnaval 2024', '2024-02-10', '2024-02-25'),
      p('Vacances de Pâques 2024', '2024-04-20', '2024-05-01'),
      p('Vacances d’été 2024', '2024-07-06', '2024-09-01'),
      p('Vacances de la Toussaint 2024', '2024-10-19', '2024-11-03'),
      p('Vacances de Noël 2024', '2024-12-21', '2025-01-05'),
      p('Vacances de Carnaval 2025', '2025-02-22', '2025-03-09'),
      p('Vacances de Pâques 2025', '2025-04-18', '2025-05-04'),
      p('Vacances d’été 2025', '2025-07-05', '2025-08-31'),
      p('Vacances de la Toussaint 2025', '2025-10-18', '2025-11-02'),
      p('Vacances de Noël 2025', '2025-12-20', '2026-01-04'),
      p('Vacances de Carnaval 2026', '2026-02-07', '2026-02-22'),
      p('Vacances de Pâques 2026', '2026-04-02', '2026-04-15'),
    ],
    known: [{ from: '2022-07-09', to: '2026-07-03' }],
  },
} satisfies Record<string, SchoolCalendar>;
