import { UpcasterRegistry } from '#event-store';
import { normalizedMetadata } from '#kernel';
import { V1_TRANSITIONED, type V1TransitionedData, typedFromV1Transition } from '#projects';

/** How events stored by earlier versions are read today; every process that opens the log uses it. */
export function refondaUpcasters(): UpcasterRegistry {
  return new UpcasterRegistry()
    .metadata(normalizedMetadata)
    .retype(V1_TRANSITIONED, 1, (data: V1TransitionedData) => typedFromV1Transition(data));
}
