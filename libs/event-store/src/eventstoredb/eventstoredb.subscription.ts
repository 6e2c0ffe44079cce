import type { AllStreamResolvedEvent, ReadPosition } from '@eventstore/db-client';
import { Observable } from 'rxjs';
import type { RecordedEvent } from '../event-store.port.js';
import type { AppendStarts } from './append-starts.js';
import { type ClientEvent, isSystemEvent, toRecorded } from './eventstoredb.events.js';
import { logStartOf } from './eventstoredb.position.js';

/** A client subscription to $all (what `client.subscribeToAll` returns), reduced to what is used here. */
export interface ClientSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
}

export interface ResubscribeDeps {
  /** Opens a subscription to $all after `from` (system events filtered out by the server). */
  open(from: ReadPosition): ClientSubscription;
  /** A fresh position resolver for each (re)subscription. */
  appendStarts(): AppendStarts;
  isRetryable(error: unknown): boolean;
  mapError(error: unknown): Error;
  /** Wait before resubscribing after the n-th consecutive drop. */
  delayMs(drops: number): number;
  upcast(event: RecordedEvent): RecordedEvent;
  /** Called with the teardown so that closing the store ends the subscription. */
  track(stop: () => void): () => void;
}

/**
 * Subscribes to $all from a checkpoint (exclusive) and keeps going across drops (leader change,
 * network): it resubscribes from the start of the append holding the last delivered event and
 * skips what it already delivered, so the consumer sees no gap and no duplicate.
 */
export function resubscribingAll(deps: ResubscribeDeps, fromPosition = 0n): Observable<RecordedEvent> {
  return new Observable<RecordedEvent>((subscriber) => {
    let last = fromPosition;
    let active = true;
    let current: ClientSubscription | undefined;
    const stop = () => {
      active = false;
      void current?.unsubscribe().catch(() => {});
    };
    const untrack = deps.track(() => {
      stop();
      subscriber.complete();
    });
    if (!active) return () => {};
    const run = async () => {
      for (let drops = 0; active;) {
        const starts = deps.appendStarts();
        try {
          current = deps.open(last > 0n ? logStartOf(last) : 'start');
          for await (const resolved of current) {
            if (!active) return;
            const raw = resolved.event as ClientEvent | undefined;
            if (!raw || isSystemEvent(raw)) continue;
            const event = deps.upcast(toRecorded(raw, await starts.positionOf(raw)));
            if (event.position <= last) continue;
            if (!active) return;
            last = event.position;
            drops = 0;
            subscriber.next(event);
          }
        } catch (error) {
          if (!active) return;
          if (!deps.isRetryable(error)) throw deps.mapError(error);
        }
        void current?.unsubscribe().catch(() => {});
        if (!active) return;
        drops += 1;
        await new Promise((r) => setTimeout(r, deps.delayMs(drops)));
      }
    };
    run().catch((error) => {
      untrack();
      if (active) subscriber.error(error);
    });
    return () => {
      untrack();
      stop();
    };
  });
}
