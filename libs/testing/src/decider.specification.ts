import { expect } from '@jest/globals';
import { type Decider, DomainError, fold } from '#kernel';

/**
 * Given/when/then for deciders (after Emmett's DeciderSpecification):
 *   spec.given([events]).when(command).then([events])
 *   spec.given([events]).when(command).thenThrows('PROJECT_ILLEGAL_TRANSITION')
 */
export function deciderSpecification<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(events: E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, fold(decider, events));
          return {
            then(expected: E[] | ((actual: E[]) => void)) {
              const actual = run();
              if (typeof expected === 'function') expected(actual);
              else expect(actual).toEqual(expected);
            },
            thenThrows(code: string, details?: Record<string, unknown>) {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              expect((caught as DomainError).code).toBe(code);
              if (details) expect((caught as DomainError).details).toMatchObject(details);
            },
          };
        },
      };
    },
  };
}
