import { v1ProjectDecider } from './project.fixture.js';
import { describe, expect, it } from '@jest/globals';
import { availableActions } from './project.actions.js';
import {
  arsValidator,
  auditor,
  commandFor,
  ctsValidator,
  eduOutsider,
  eduValidator,
  finance,
  historyTo,
  otherHolder,
  owner,
  pathTo,
  play,
  system,
} from './project.fixture.js';
import type { Program } from './project.state.js';

const stateAt = (program: Program, s: string) => historyTo(program, s).reduce(v1ProjectDecider.evolve, v1ProjectDecider.initialState());
const commands = (program: Program, s: string, who = owner) => availableActions(stateAt(program, s), who).map((a) => a.command);

describe('availableActions', () => {
  it('nothing on a project that does not exist', () => {
    expect(availableActions(v1ProjectDecider.initialState(), owner)).toEqual([]);
  });

  it('the holder, while drafting: edit, and withdraw (submit waits for a complete dossier)', () => {
    expect(commands('education', 'drafting')).toEqual(['edit_content', 'withdraw']);
  });

  it('the holder, once the dossier is complete, may submit', () => {
    const ready = play(pathTo('education', 'submitted').slice(0, -1)).state;
    expect(availableActions(ready, owner).map((a) => a.command)).toEqual(['edit_content', 'submit', 'withdraw']);
  });

  it('the validator of the académie during analysis, with what each action needs', () => {
    const actions = availableActions(stateAt('education', 'under_analysis'), eduValidator);
    expect(actions.map((a) => a.command)).toEqual(['request_completion', 'validate', 'reject']);
    expect(actions.find((a) => a.command === 'validate')).toMatchObject({
      to: 'validated',
      reasonRequired: true,
      inputs: [{ name: 'grantedAmountCents', label: 'Montant accordé (centimes)' }],
      label: 'Valider le projet',
    });
  });

  it('nothing for those without the right: other holder, other territory, auditor', () => {
    expect(commands('education', 'drafting', otherHolder)).toEqual([]);
    expect(commands('education', 'under_analysis', eduOutsider)).toEqual([]);
    expect(commands('education', 'under_analysis', auditor)).toEqual([]);
    expect(commands('education', 'under_analysis', system)).toEqual([]);
  });

  it('completion: the holder edits, resubmits or withdraws; the scheduler may lapse it', () => {
    expect(commands('education', 'completion_requested')).toEqual(['edit_content', 'resubmit', 'withdraw']);
    expect(commands('education', 'completion_requested', system)).toEqual(['lapse']);
  });

  it('health: CTS review, before and after the opinion', () => {
    expect(commands('health', 'under_analysis', arsValidator)).toEqual(['request_completion', 'refer_to_cts']);
    expect(commands('health', 'cts_review', ctsValidator)).toEqual(['record_cts_opinion']);
    const withOpinion = play([...pathTo('health', 'cts_review'), commandFor('health', 'record_cts_opinion')]).state;
    expect(availableActions(withOpinion, arsValidator).map((a) => a.command)).toEqual(['record_cts_opinion', 'validate', 'reject']);
  });

  it('finance starts financing, and closes only after the final report', () => {
    expect(commands('education', 'validated', finance)).toEqual(['start_financing']);
    expect(commands('education', 'financing', finance)).toEqual([]);
    expect(commands('education', 'financing')).toEqual(['withdraw', 'submit_final_report']);
    const reported = play([...pathTo('education', 'financing'), commandFor('education', 'submit_final_report')]).state;
    expect(availableActions(reported, finance).map((a) => a.command)).toEqual(['close']);
  });

  it('nothing once final', () => {
    expect(commands('education', 'closed')).toEqual([]);
    expect(commands('health', 'withdrawn')).toEqual([]);
  });
});
