import { type SchoolCalendar, p } from './school-holidays.data.js';

/**
 * The rectoral calendars of Corsica and of the overseas académies (same source and convention as school-holidays.data.ts).
 * Only the school years read from the académie's published calendar are here; `known` says which. Guyane: none shipped
 * yet, so a deadline there is never suspended (the due-date result says the calendar was not known). Mayotte: only the
 * March 2025 holidays as education.gouv.fr announced them, so outside 1–16 March 2025 the calendar is not known either.
 */
export const LOCAL_CALENDARS = {
  corse: {
    label: 'Corse',
    periods: [
      p('Vacances de la Toussaint 2022', '2022-10-22', '2022-11-06'),
      p('Vacances de Noël 2022', '2022-12-17', '2023-01-02'),
      p('Vacances d’hiver 2023', '2023-02-18', '2023-03-05'),
      p('Vacances de printemps 2023', '2023-04-15', '2023-05-01'),
      p('Vacances de la Toussaint 2023', '2023-10-21', '2023-11-05'),
      p('Vacances de Noël 2023', '2023-12-23', '2024-01-07'),
      p('Vacances d’hiver 2024', '2024-02-24', '2024-03-10'),
      p('Vacances de printemps 2024', '2024-04-27', '2024-05-12'),
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
      { from: '2022-09-02', to: '2023-07-07' },
      { from: '2023-09-06', to: '2024-05-12' },
      { from: '2024-09-03', to: '2026-07-03' },
    ],
  },
  reunion: {
    label: 'La Réunion',
    periods: [
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
    known: [{ from: '2023-08-17', to: '2026-07-03' }],
  },
  martinique: {
    label: 'Martinique',
    periods: [
      p('Vacances de la Toussaint 2022', '2022-10-22', '2022-11-06'),
      p('Vacances de Noël 2022', '2022-12-17', '2023-01-02'),
      p('Vacances de Carnaval 2023', '2023-02-11', '2023-02-26'),
      p('Vacances de Pâques 2023', '2023-04-01', '2023-04-16'),
      p('Vacances de la Toussaint 2025', '2025-10-18', '2025-11-02'),
      p('Vacances de Noël 2025', '2025-12-20', '2026-01-04'),
      p('Vacances de Carnaval 2026', '2026-02-07', '2026-02-22'),
      p('Vacances de Pâques 2026', '2026-03-28', '2026-04-12'),
    ],
    known: [
      { from: '2022-09-01', to: '2023-07-07' },
      { from: '2025-09-01', to: '2026-07-03' },
    ],
  },
  guadeloupe: {
    label: 'Guadeloupe',
    periods: [
      p('Vacances de la Toussaint 2024', '2024-10-23', '2024-11-03'),
      p('Vacances de Noël 2024', '2024-12-21', '2025-01-05'),
      p('Vacances de Carnaval 2025', '2025-02-22', '2025-03-09'),
      p('Vacances de Pâques 2025', '2025-04-18', '2025-05-04'),
      p('Semaine de mai 2025', '2025-05-24', '2025-06-01'),
    ],
    known: [{ from: '2024-09-02', to: '2025-07-04' }],
  },
  guyane: { label: 'Guyane', periods: [], known: [] },
  mayotte: {
    label: 'Mayotte',
    periods: [
      // https://www.education.gouv.fr/mayotte-retour-progressif-en-classe-et-un-amenagement-des-examens-416073 (plan École
      // « Mayotte debout », after cyclone Chido): « les prochaines vacances se dérouleront du 1er au 17 mars, au lieu du 1er
      // au 10 mars 2025 ». The page does not say whether classes resume on the morning of Monday 17 March, so 17 March is
      // left out (unknown); 1–16 March are without classes on either reading.
      p('Vacances de mars 2025', '2025-03-01', '2025-03-16'),
    ],
    known: [{ from: '2025-03-01', to: '2025-03-16' }],
  },
} satisfies Record<string, SchoolCalendar>;
