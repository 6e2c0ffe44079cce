import type { AmendmentKind } from '../src/index.js';
import { cmd } from './envelope.fixtures.js';
import type { Step } from './envelope.generator.js';
import { type CommitmentModel, certifiedOf } from './envelope.model.js';
import type { Act, World } from './envelope.world.js';
import { type Aimed, PAYEE, actor, candidates, pickOf } from './envelope.steps.chain.js';

type Schedule = Act['schedule'];

/**
 * The act's schedule after a change of amount, as the awards lib amends it (the test's own copy): an increase goes to the
 * balance, a reduction comes off the last payments, never below what each has certified.
 */
function amendedSchedule(schedule: Schedule, deltaCents: number, c: CommitmentModel): Schedule {
  const next = schedule.map((x) => ({ ...x }));
  if (next.length === 0) return next;
  if (deltaCents > 0) next[next.length - 1]!.amountCents += deltaCents;
  let cut = -deltaCents;
  for (let i = next.length - 1; i >= 0 && cut > 0; i--) {
    const line = next[i]!;
    const take = Math.min(cut, line.amountCents - (c.lines[line.number]?.certified ?? 0));
    line.amountCents -= take;
    cut -= take;
  }
  return next.filter((x) => x.amountCents > 0);
}

const OTHER_PAYEE = { organisationId: '130025265', name: 'Commune de Verdun', siret: '21550545400011' };

/**
 * An amendment (avenant) the authority signed on a committed act, and the EJ's adjustment to it (AdjustCommitment):
 * an increase (variant 0: beyond any free AE), a reduction (variant 0: below what the EJ certified, which the awards lib
 * would not sign), an extension or a change of payee (variant 0: another act's amendment). Variant 1: not fully signed;
 * variant 2: the act's last amendment again (refused once the EJ follows it). A signed amendment amends the act whatever
 * becomes of the EJ's adjustment (the EJ may follow it late, or never).
 */
export function amendCommand(w: World, s: Step, requestId: string): Aimed {
  const k = pickOf(
    candidates(w, s, (c) => [c]),
    s,
  );
  const act = k && w.acts.find((a) => a.actId === k.c.ref && a.envelope === k.at);
  if (!k || !act) return undefined;
  const certified = certifiedOf(k.c);
  let kind = (['increase', 'reduction', 'extension', 'payee_change'] as const)[s.pick % 4]! as AmendmentKind;
  let amountCents = act.amount;
  if (kind === 'increase') amountCents += s.variant === 0 ? 100_000_000 : Math.ceil(s.amount / 2);
  if (kind === 'reduction') {
    const belowTheEj = certified - k.c.recovered - 1; // below what the EJ certified (net of recoveries): refused
    if (s.variant === 0 && belowTheEj >= 0) amountCents = belowTheEj;
    else if (act.amount > certified) amountCents = act.amount - Math.max(1, Math.floor(((act.amount - certified) * s.percent) / 100));
    else kind = 'extension';
  }
  const schedule = amendedSchedule(act.schedule, amountCents - act.amount, k.c);
  const other = s.variant === 0 && (kind === 'extension' || kind === 'payee_change');
  const payee = kind === 'payee_change' ? OTHER_PAYEE : (act.last?.payee ?? PAYEE);
  const number = act.amendments + 1;
  const actId = other ? `${act.actId}-bis` : act.actId;
  const signed = { actId, number, kind, amountCents, fullySigned: s.variant !== 1, payee, schedule };
  const amendment = s.variant === 2 && act.last ? act.last : signed;
  // the authority signed it (not the refusals on purpose): the act is amended, whatever becomes of the EJ's adjustment
  if (s.variant > 2 || (s.variant === 2 && !act.last))
    Object.assign(act, { amount: amountCents, schedule, amendments: number, last: signed });
  const reason = `avenant n° ${amendment.number}`;
  return [k.at, cmd('AdjustCommitment', { commitmentRef: k.c.ref, amendment, reason, requestId, ctx: actor(s) })];
}
