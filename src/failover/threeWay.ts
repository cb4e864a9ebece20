import { recordKey } from '../model/keys.ts';
import type { SnapshotRecord } from '../model/records.ts';
import { stableStringify } from '../model/stableStringify.ts';

export type Prefer = 'promoted' | 'source';

/** One object in the three-way comparison: absent on a side is `undefined`. */
export interface ThreeWayItem {
  kind: string;
  key: string;
  base?: SnapshotRecord;
  promoted?: SnapshotRecord;
  source?: SnapshotRecord;
}

export interface ThreeWayPlan {
  /** What the old source should hold (in the promoted Region's terms). */
  desired: SnapshotRecord[];
  onlyPromoted: ThreeWayItem[];
  onlySource: ThreeWayItem[];
  conflicts: Array<ThreeWayItem & { resolved?: Prefer }>;
}

const same = (a?: SnapshotRecord, b?: SnapshotRecord) =>
  (a === undefined ? '' : stableStringify(a)) === (b === undefined ? '' : stableStringify(b));
const idOf = (r: SnapshotRecord) => `${r.kind}|${recordKey(r)}`;

/**
 * Pure. Compares the last shared state (base), the promoted Region now and the old source now, object by
 * object: changed only in the promoted Region → taken; changed only in the old source → kept and reported;
 * changed on both sides to different states → a conflict, kept as the old source has it unless `prefer`
 * says which side wins. The same change on both sides is no change.
 */
export function threeWay(
  base: readonly SnapshotRecord[],
  promoted: readonly SnapshotRecord[],
  source: readonly SnapshotRecord[],
  prefer?: Prefer,
): ThreeWayPlan {
  const items = new Map<string, ThreeWayItem>();
  const at = (r: SnapshotRecord) => {
    const id = idOf(r);
    let item = items.get(id);
    if (!item) {
      item = { kind: r.kind, key: recordKey(r) };
      items.set(id, item);
    }
    return item;
  };
  for (const r of base) at(r).base = r;
  for (const r of promoted) at(r).promoted = r;
  for (const r of source) at(r).source = r;
  const plan: ThreeWayPlan = { desired: [], onlyPromoted: [], onlySource: [], conflicts: [] };
  for (const item of items.values()) {
    const promotedChanged = !same(item.base, item.promoted);
    const sourceChanged = !same(item.base, item.source);
    let keep = item.source;
    if (promotedChanged && !sourceChanged) {
      plan.onlyPromoted.push(item);
      keep = item.promoted;
    } else if (sourceChanged && !promotedChanged) plan.onlySource.push(item);
    else if (promotedChanged && sourceChanged && !same(item.promoted, item.source)) {
      plan.conflicts.push({ ...item, ...(prefer ? { resolved: prefer } : {}) });
      if (prefer === 'promoted') keep = item.promoted;
    }
    if (keep) plan.desired.push(keep);
  }
  return plan;
}
