import type { ScheduledInstalment } from './award-act.events.js';

/** The usual schedule the draft proposes: half at the start of the action, the balance on the accepted report. */
export function defaultSchedule(amountCents: number): Omit<ScheduledInstalment, 'number'>[] {
  if (amountCents === 0) return [];
  const advance = Math.floor(amountCents / 2);
  const balance = { kind: 'balance' as const, amountCents: amountCents - advance, condition: 'compte rendu financier accepté' };
  return advance > 0 ? [{ kind: 'advance', amountCents: advance, condition: 'démarrage de l’action' }, balance] : [balance];
}
