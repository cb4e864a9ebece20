/**
 * The replicated-through time of a target: every source change made before it is in the target. Pure.
 *
 * Three facts bound it, and it is their minimum:
 * - a change whose event is staged but not applied (pending or held) is not in the target: the oldest such
 *   event's time (an event failed for good is reported apart; the reconcile compares its object again);
 * - the collector has staged what CloudTrail delivered up to its checkpoint, late deliveries caught only
 *   within the overlap: the checkpoint minus the overlap;
 * - CloudTrail delivers late or never, beyond any overlap; only the reconcile's full compare proves what is
 *   in the target: the start of the last cycle that compared every database.
 * Without a checkpoint or a full reconcile yet, nothing is proven: no watermark.
 */
export interface WatermarkInput {
  /** Event time of the oldest event staged and not applied (pending or held). */
  oldestOpen?: string;
  /** The collector's checkpoint (ISO). */
  checkpointTime?: string;
  overlapMinutes: number;
  /** Start of the last full reconcile cycle (ISO). */
  lastFullAt?: string;
}

export type WatermarkBound = 'open event' | 'checkpoint' | 'full reconcile';

export interface Watermark {
  /** ISO; absent when nothing is proven yet (no checkpoint, or no full reconcile yet). */
  at?: string;
  /** What holds it back: the bound that gave the minimum, or what is missing. */
  boundBy: WatermarkBound | 'no checkpoint' | 'no full reconcile';
}

export function computeWatermark(input: WatermarkInput): Watermark {
  if (!input.checkpointTime) return { boundBy: 'no checkpoint' };
  if (!input.lastFullAt) return { boundBy: 'no full reconcile' };
  const bounds: Array<[WatermarkBound, number]> = [
    ['checkpoint', Date.parse(input.checkpointTime) - input.overlapMinutes * 60_000],
    ['full reconcile', Date.parse(input.lastFullAt)],
  ];
  if (input.oldestOpen) bounds.push(['open event', Date.parse(input.oldestOpen)]);
  const [boundBy, at] = bounds.reduce((low, next) => (next[1] < low[1] ? next : low));
  return { at: new Date(at).toISOString(), boundBy };
}

/** How far behind the source a target is at `now`, in ms; null without a watermark. */
export const watermarkAgeMs = (watermark: Watermark, now: Date): number | null =>
  watermark.at === undefined ? null : Math.max(0, now.getTime() - Date.parse(watermark.at));
