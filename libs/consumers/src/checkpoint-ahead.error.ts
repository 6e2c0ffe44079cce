/**
 * A consumer whose checkpoint is past the log's head: its database was not restored with the log (or comes from another
 * one), and following on would skip the events written at the positions it believes handled.
 */
export class CheckpointAheadOfLogError extends Error {
  constructor(name: string, checkpoint: bigint, head: bigint) {
    super(
      `${name}: its checkpoint (position ${checkpoint}) is past the head of the event log (position ${head}): its database ` +
        'does not belong to this log (restored from a backup without it?); stopped rather than skip the events written from ' +
        `position ${head + 1n}. Move that database aside (it is rebuilt from the log) and restart`,
    );
    this.name = 'CheckpointAheadOfLogError';
  }
}
