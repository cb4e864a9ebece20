import type { ActionOf } from '../../plan/actions.ts';

/** BatchGrantPermissions takes at most 20 entries. */
export const GRANTS_PER_BATCH = 20;

/**
 * Collects grants as they become ready (each once its resource exists) and sends them in full batches, so
 * grants on many small resources still cost ceil(n / 20) calls; `flush` sends what is left at the end.
 */
export class GrantBatcher {
  private waiting: ActionOf<'grant'>[] = [];

  constructor(private readonly send: (batch: ActionOf<'grant'>[]) => Promise<void>) {}

  /** Queues a ready grant; answers the send of the batch it completed, if it completed one. */
  add(grant: ActionOf<'grant'>): Promise<void> | undefined {
    this.waiting.push(grant);
    if (this.waiting.length < GRANTS_PER_BATCH) return undefined;
    return this.flush();
  }

  /** Sends whatever is queued (nothing when empty). */
  flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    return batch.length > 0 ? this.send(batch) : Promise.resolve();
  }
}
