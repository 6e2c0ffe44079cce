import type { EventStore } from '#event-store';
import { type EnvelopeBalance, type EnvelopeState, envelopeBalance, envelopeDecider, envelopeStreamId } from '#funding';
import { type ProjectState, projectEvolution, streamIdOf } from '#projects';
import { type AsOf, type AsOfFold, foldAsOf } from './fold-as-of.js';

/** A project as it was at `asOf`, folded with `projectDecider` from its stream. `state.exists` is false if it did not exist yet. */
export async function projectAsOf(store: EventStore, projectId: string, asOf: AsOf): Promise<AsOfFold<ProjectState>> {
  return foldAsOf(await store.readStream(streamIdOf(projectId)), asOf, projectEvolution);
}

/**
 * An envelope as it was at `asOf`, folded with `envelopeDecider`; `balance` is the view GET /envelopes/:id serves
 * (`envelopeBalance`), undefined if the envelope was not opened yet. Throws DomainError invalid on a malformed id.
 */
export async function envelopeAsOf(
  store: EventStore,
  envelopeId: string,
  asOf: AsOf,
): Promise<AsOfFold<EnvelopeState> & { balance: EnvelopeBalance | undefined }> {
  const fold = foldAsOf<EnvelopeState>(await store.readStream(envelopeStreamId(envelopeId)), asOf, envelopeDecider);
  return { ...fold, balance: envelopeBalance(fold.state) };
}
