import { recordKey } from '../../model/keys.ts';
import type { Action, ActionOf } from '../../plan/actions.ts';
import type { RegionSide } from '../regionSide.ts';
import { type ActionResult, attempt } from './actionResult.ts';
import { locationTransition } from './locationTransition.ts';
import {
  dataCellsFilterRequest,
  grantEntry,
  lfResource,
  optInRequest,
  registerRequest,
  tagPairs,
  tagPairsMissing,
  tagPairsRemoved,
} from './permissionRequests.ts';

/** Grants and revokes go out in batches of 20; each entry's failure is its own result. */
export async function applyGrantActions(
  target: RegionSide,
  actions: readonly ActionOf<'grant'>[],
): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  for (const op of ['create', 'delete'] as const) {
    const chosen = actions.filter((a) => a.op === op);
    if (chosen.length === 0) continue;
    const entries = chosen.map((a) => grantEntry((op === 'create' ? a.desired : a.current)!));
    const answers =
      op === 'create'
        ? await target.lakeFormation.batchGrant(entries)
        : await target.lakeFormation.batchRevoke(entries);
    answers.forEach((answer, i) => {
      const action = chosen[i]!;
      results.push(
        answer.ok
          ? { kind: 'grant', key: action.key, op, ok: true }
          : { kind: 'grant', key: action.key, op, ok: false, error: answer.error },
      );
    });
  }
  return results;
}

/** Applies one action of the other Lake Formation kinds (locations, LF-Tags, assignments, filters, settings). */
export async function applyLakeFormationAction(target: RegionSide, action: Action): Promise<ActionResult> {
  const lf = target.lakeFormation;
  switch (action.kind) {
    case 'location': {
      const record = (action.desired ?? action.current)!;
      return attempt('location', action.key, action.op, async () => {
        if (action.op === 'create') return lf.registerResource(registerRequest(record));
        if (action.op === 'delete') return lf.deregisterResource(record.resourceArn);
        const transition = locationTransition(action.desired!);
        if (transition.method === 'update') return lf.updateResource(transition.request);
        await lf.deregisterResource(record.resourceArn);
        return lf.registerResource(transition.request);
      });
    }
    case 'lfTag':
      return attempt('lfTag', action.key, action.op, async () => {
        if (action.op === 'create') return lf.createLfTag(action.desired!.key, action.desired!.values);
        // A delete with `desired` removes only some values (the tag keeps `desired.values`).
        if (action.op === 'delete' && !action.desired) return lf.deleteLfTag(action.current!.key);
        const add = action.desired!.values.filter((v) => !action.current!.values.includes(v));
        const remove = action.current!.values.filter((v) => !action.desired!.values.includes(v));
        return lf.updateLfTag(action.desired!.key, { add, remove });
      });
    case 'lfTagAssignment':
      return attempt('lfTagAssignment', action.key, action.op, async () => {
        const resource = lfResource((action.desired ?? action.current)!.resource);
        const want = action.op === 'delete' ? [] : action.desired!.tags;
        const have = action.op === 'create' ? [] : action.current!.tags;
        const add = tagPairsMissing(want, have);
        const remove = tagPairsRemoved(have, want);
        const failures = [
          ...(add.length ? await lf.addLfTags(resource, add) : []),
          ...(remove.length ? await lf.removeLfTags(resource, remove) : []),
        ].filter((r) => !r.ok);
        if (failures.length) throw new Error(failures.map((f) => (f.ok ? '' : f.error.message)).join('; '));
      });
    case 'dataCellsFilter': {
      const request = dataCellsFilterRequest((action.desired ?? action.current)!, target.accountId);
      return attempt('dataCellsFilter', action.key, action.op, () =>
        action.op === 'create'
          ? lf.createDataCellsFilter(request)
          : action.op === 'update'
            ? lf.updateDataCellsFilter(request)
            : lf.deleteDataCellsFilter(request),
      );
    }
    case 'optIn': {
      const { principal, resource, condition } = optInRequest((action.desired ?? action.current)!);
      return attempt('optIn', action.key, action.op, async () => {
        // No update call: a changed condition is the old opt-in deleted and the new one created.
        if (action.op !== 'create') {
          const old = optInRequest(action.current!);
          await lf.deleteOptIn(old.principal, old.resource, old.condition);
        }
        if (action.op !== 'delete') await lf.createOptIn(principal, resource, condition);
      });
    }
    case 'dataLakeSettings':
      return attempt('dataLakeSettings', action.key, action.op, () =>
        lf.putDataLakeSettings(action.desired!.settings as Parameters<typeof lf.putDataLakeSettings>[0]),
      );
    default:
      throw new Error(
        `applyLakeFormationAction cannot apply ${action.kind} ${recordKey((action.desired ?? action.current)!)}`,
      );
  }
}

export { tagPairs };
