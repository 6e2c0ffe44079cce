import { invalid } from '#kernel';
import { type Exercises, INSTALMENT_KINDS, type InstalmentKind, type ScheduledInstalment } from './award-act.events.js';

const CODE = 'AWARD_ACT_INVALID_FIELD';

export function checkText(field: string, value: unknown, min: number, max: number): string {
  if (typeof value !== 'string' || value.trim().length < min || value.trim().length > max) {
    throw invalid(CODE, field, `a text of ${min} to ${max} characters`);
  }
  return value.trim();
}

export function checkCents(field: string, value: unknown, min = 0): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) throw invalid(CODE, field, `an integer number of cents ≥ ${min}`);
  return value as number;
}

export function checkExercises(value: unknown, period: { fromYear: number; toYear: number }): Exercises {
  const e = value as Partial<Exercises> | undefined;
  const year = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 2000 && (v as number) <= 2100;
  if (!e || !year(e.first) || !year(e.last) || e.last! < e.first!) {
    throw invalid(CODE, 'exercises', 'first and last exercise years, first ≤ last');
  }
  if (e.first! < period.fromYear || e.last! > period.toYear) {
    throw invalid('AWARD_ACT_EXERCISES_OUTSIDE_ENVELOPE', 'exercises', 'within-the-envelope-period', {
      detail: `Les exercices ${e.first}–${e.last} sortent de la période de l’enveloppe (${period.fromYear}–${period.toYear}).`,
      period,
    });
  }
  return { first: e.first!, last: e.last! };
}

/**
 * The payment schedule: at least one payment; at most one advance, first; one balance, last; instalments between; the
 * amounts add up to the act's amount. A grant of €0 has no schedule.
 */
export function checkSchedule(value: unknown, amountCents: number): ScheduledInstalment[] {
  if (amountCents === 0) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return [];
    throw invalid(CODE, 'schedule', 'empty for a grant of 0 €');
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > 12) throw invalid(CODE, 'schedule', 'a list of 1 to 12 payments');
  const schedule = value.map((raw, i) => {
    const item = (raw ?? {}) as Partial<ScheduledInstalment>;
    const kind = item.kind as InstalmentKind;
    if (!INSTALMENT_KINDS.includes(kind)) throw invalid(CODE, `schedule[${i}].kind`, `one of ${INSTALMENT_KINDS.join(', ')}`);
    return {
      number: i + 1,
      kind,
      amountCents: checkCents(`schedule[${i}].amountCents`, item.amountCents, 1),
      condition: checkText(`schedule[${i}].condition`, item.condition, 3, 300),
    };
  });
  const last = schedule.length - 1;
  schedule.forEach((s, i) => {
    if (s.kind === 'balance' && i !== last) throw invalid(CODE, `schedule[${i}].kind`, 'the balance is the last payment');
    if (s.kind === 'advance' && i !== 0) throw invalid(CODE, `schedule[${i}].kind`, 'the advance is the first payment');
  });
  if (schedule[last]!.kind !== 'balance' && schedule.length > 1)
    throw invalid(CODE, `schedule[${last}].kind`, 'the last payment is the balance');
  const total = schedule.reduce((sum, s) => sum + s.amountCents, 0);
  if (total !== amountCents) {
    throw invalid('AWARD_ACT_SCHEDULE_TOTAL', 'schedule', 'the payments add up to the amount', { amountCents, scheduledCents: total });
  }
  return schedule;
}

/** Loi 2000-321, art. 10: the compte rendu financier within 6 months of the end of the exercise: 30 June after the last. */
export const latestReportDueOn = (exercises: Exercises) => `${exercises.last + 1}-06-30`;

export function checkReportDueOn(value: unknown, exercises: Exercises): string {
  const latest = latestReportDueOn(exercises);
  if (value === undefined || value === null) return latest;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw invalid(CODE, 'reportDueOn', 'a day YYYY-MM-DD');
  }
  if (value > latest || value < `${exercises.first}-01-01`) {
    throw invalid(CODE, 'reportDueOn', `within the exercises and at the latest ${latest} (6 months after the last exercise)`, { latest });
  }
  return value;
}
