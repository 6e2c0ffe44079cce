/** A domain event as a decider emits it: metadata (actor, time, ids) is added by the application shell. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Who acts, as the domain sees it (no token, no HTTP). */
export interface Actor {
  id: string;
  role: 'holder' | 'validator' | 'decider' | 'finance' | 'accountant' | 'auditor' | 'admin' | 'system';
  /** Territory codes the actor may act in (région, académie, département, CTS); empty for national roles. */
  scope: { regions?: string[]; academies?: string[]; departements?: string[]; cts?: string[] };
  /** The organisations the person acts for (their memberships in the directory), as resolved for this request. */
  organisations?: readonly string[];
  /** A decider's signing capacity (recteur, IA-DASEN, DG ARS, délégué territorial…), from their habilitation. */
  capacity?: string;
  /** Each decider habilitation as granted: a capacity over its own territory (a signature needs one covering the act). */
  signingCapacities?: readonly { capacity: string; scope: Actor['scope'] }[];
}

/** What every command carries besides its own data: who, and when (from an injected clock). */
export interface CommandContext {
  actor: Actor;
  now: Date;
}

/**
 * The decider pattern: pure functions, no I/O. `this: void`: they are passed around unbound (`events.reduce(d.evolve, …)`).
 * `decide` throws a DomainError when the command is refused.
 */
export interface Decider<Command, Event, State> {
  decide(this: void, command: Command, state: State): Event[];
  evolve(this: void, state: State, event: Event): State;
  initialState(this: void): State;
}

export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
