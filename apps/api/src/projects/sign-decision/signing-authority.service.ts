import { Inject, Injectable } from '@nestjs/common';
import {
  type ActKind,
  type Capacity,
  type Delegation,
  type SigningAuthority,
  actKindOfDecision,
  delegationOf,
  isAuthorityCapacity,
  isDelegateCapacity,
  parisDayOf,
  signingAuthority,
  streamIdOfDelegation,
} from '#delegations';
import { EVENT_STORE, type EventStore } from '#event-store';
import { type Actor, DomainError } from '#kernel';
import { DelegationListQueries, type DirectoryQueries } from '#projections';
import type { Program, Project, SignedDecision } from '#projects';
import { DIRECTORY_QUERIES } from '../../directory/directory.tokens.js';
import { ReadYourWrites } from '../../http/read-your-writes.js';

/**
 * Under what a decider signs an act: one of their decider habilitations (each a capacity over its own territory), in its
 * own right or under a delegation of signature — whose delegating authority must still hold its habilitation.
 */
@Injectable()
export class SignatoryAuthority {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DelegationListQueries) private readonly delegations: DelegationListQueries,
    @Inject(DIRECTORY_QUERIES) private readonly directory: DirectoryQueries,
    @Inject(ReadYourWrites) private readonly ryw: ReadYourWrites,
  ) {}

  async of(project: Project, actor: Actor, now: Date, decision: SignedDecision): Promise<SigningAuthority> {
    const { program, content } = project;
    return this.forAct(actor, now, { kind: actKindOfDecision(decision), program, departement: content.territory.departement });
  }

  /** The same check for any act kind (a decision, an award act, a payment order) on a département's project. */
  async forAct(actor: Actor, now: Date, act: { kind: ActKind; program: Program; departement: string }): Promise<SigningAuthority> {
    const grants = (actor.signingCapacities ?? []).filter((g) => isAuthorityCapacity(g.capacity) || isDelegateCapacity(g.capacity));
    if (grants.length === 0) {
      throw new DomainError(
        'forbidden',
        'SIGNATORY_CAPACITY_MISSING',
        'Votre habilitation de décideur ne précise pas de qualité de signataire.',
        {
          capacity: actor.capacity ?? null,
        },
      );
    }
    const signed = { ...act, on: parisDayOf(now) };
    const delegations = await this.delegationsOf(actor.id);
    let refusal: unknown;
    for (const g of grants) {
      try {
        const found = signingAuthority({ personId: actor.id, capacity: g.capacity as Capacity, scope: g.scope }, signed, delegations);
        if (found.authority) this.assertStillHabilitated(found);
        return found;
      } catch (error) {
        refusal ??= error;
      }
    }
    throw refusal;
  }

  /** A delegation lapses with its authority: a recteur or DG ARS no longer habilitated delegates nothing any more. */
  private assertStillHabilitated(found: SigningAuthority): void {
    const authority = found.authority!;
    const grants = this.directory.factsOf(authority.personId).grants;
    if (grants.some((g) => g.role === 'decider' && g.capacity === authority.capacity)) return;
    throw new DomainError(
      'forbidden',
      'SIGNATURE_NOT_COVERED',
      `La délégation ${found.delegationId} ne vaut plus : ${authority.personId} n’est plus habilité en qualité de ${authority.capacity}.`,
      { missing: ['delegation'], delegationId: found.delegationId, authority: authority.personId },
    );
  }

  /** The signer's delegations, each folded from its own stream (a revocation counts the moment it is recorded). */
  private async delegationsOf(personId: string): Promise<Delegation[]> {
    // The list is a read model: caught up with the log first, so that a delegation granted a moment ago is found.
    await this.ryw.waitForPosition(String(await this.store.headPosition()));
    const ids = this.delegations.list({ delegate: personId }).map((d) => d.delegationId);
    const folded = await Promise.all(ids.map(async (id) => delegationOf(await this.store.readStream(streamIdOfDelegation(id)))));
    return folded.filter((d): d is Delegation => d !== null);
  }
}
