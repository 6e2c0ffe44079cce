import { type SchoolCalendar, p } from './school-holidays.data.js';

/**
 * The rectoral calendars of La Réunion and Mayotte, from the ministry's dataset (named in school-holidays.data.ts; its
 * rows for La Réunion 2023-2024 to 2025-2026 are the periods read before from the académie's calendar). 2026-2027 is not
 * in the dataset copy nor in its export of January 2026 (nor, for La Réunion, the end of the austral winter 2026): not
 * shipped. La Réunion's 2026-2027 is only on third-party pages (see the README): not shipped either.
 */
export const INDIAN_OCEAN_CALENDARS = {
  reunion: {
    label: 'La Réunion',
    periods: [
      p('Vacances après la 1re période 2022', '2022-10-08', '2022-10-23'),
      p('Vacances de l’été austral 2022-2023', '2022-12-17', '2023-01-22'),
      p('Vacances après la 3e période 2023', '2023-03-11', '2023-03-26'),
      p('Vacances après la 4e période 2023', '2023-05-13', '2023-05-29'),
      p('Vacances de l’hiver austral 2023', '2023-07-08', '2023-08-16'),
      p('Vacances après la 1re période 2023', '2023-10-14', '2023-10-29'),
      p('Vacances de l’été austral 2023-2024', '2023-12-20', '2024-01-21'),
      p('Vacances après la 3e période 2024', '2024-03-02', '2024-03-17'),
      p('Vacances après la 4e période 2024', '2024-05-04', '2024-05-20'),
      p('Vacances de l’hiver austral 2024', '2024-07-06', '2024-08-18'),
      p('Vacances après la 1re période 2024', '2024-10-12', '2024-10-27'),
      p('Vacances de l’été austral 2024-2025', '2024-12-20', '2025-01-20'),
      p('Vacances après la 3e période 2025', '2025-03-01', '2025-03-16'),
      p('Vacances après la 4e période 2025', '2025-05-03', '2025-05-18'),
      p('Vacances de l’hiver austral 2025', '2025-07-05', '2025-08-18'),
      p('Vacances après la 1re période 2025', '2025-10-11', '2025-10-26'),
      p('Vacances de l’été austral 2025-2026', '2025-12-20', '2026-01-20'),
      p('Vacances après la 3e période 2026', '2026-02-28', '2026-03-15'),
      p('Vacances après la 4e période 2026', '2026-05-02', '2026-05-17'),
    ],
    known: [{ from: '2022-08-16', to: '2026-07-03' }],
  },
  mayotte: {
    label: 'Mayotte',
    // 2022-2023 to 2024-2025 up to the cyclone Chido (14 December 2024), and 2025-2026: dataset. After Chido the dataset
    // kept the calendar fixed before it (winter holidays 1–9 March 2025): education.gouv.fr says otherwise, so the rest
    // of 2024-2025 is only what that page states.
    periods: [
      p('Vacances de la Toussaint 2022', '2022-10-08', '2022-10-23'),
      p('Vacances de Noël 2022', '2022-12-10', '2023-01-08'),
      p('Vacances de Carnaval 2023', '2023-02-18', '2023-03-05'),
      p('Vacances de printemps 2023', '2023-04-22', '2023-05-07'),
      p('Vacances d’été 2023', '2023-07-08', '2023-08-22'),
      p('Vacances de la Toussaint 2023', '2023-10-14', '2023-10-29'),
      p('Vacances de Noël 2023', '2023-12-16', '2024-01-14'),
      p('Vacances de Carnaval 2024', '2024-02-24', '2024-03-10'),
      p('Vacances de printemps 2024', '2024-04-27', '2024-05-12'),
      p('Vacances d’été 2024', '2024-07-06', '2024-08-25'),
      p('Vacances de la Toussaint 2024', '2024-10-12', '2024-10-27'),
      // From the dataset's Saturday 14 December to the rentrée « à partir du lundi 27 janvier » of
      // https://www.education.gouv.fr/mayotte-retour-progressif-en-classe-et-un-amenagement-des-examens-416073
      p('Vacances de Noël 2024, prolongées après le cyclone Chido', '2024-12-14', '2025-01-26'),
      // Same page (plan École « Mayotte debout »): « les prochaines vacances se dérouleront du 1er au 17 mars, au lieu du
      // 1er au 10 mars 2025 ». It does not say whether classes resume on the morning of Monday 17 March, so 17 March is
      // left out (unknown); 1–16 March are without classes on either reading.
      p('Vacances de mars 2025', '2025-03-01', '2025-03-16'),
      p('Vacances de la Toussaint 2025', '2025-10-11', '2025-10-26'),
      p('Vacances de Noël 2025', '2025-12-13', '2026-01-11'),
      p('Vacances de Carnaval 2026', '2026-02-28', '2026-03-08'),
      p('Vacances de printemps 2026', '2026-05-01', '2026-05-17'),
      p('Vacances d’été 2026', '2026-07-04', '2026-08-23'),
    ],
    known: [
      { from: '2022-08-24', to: '2025-03-16' },
      { from: '2025-08-25', to: '2026-08-23' },
    ],
  },
} satisfies Record<string, SchoolCalendar>;
