import { operationOf } from '../../audit/auditRecord.ts';
import { journaled } from '../../audit/writeJournal.ts';
import { chunk } from '../../aws/chunk.ts';
import { LF_PERMISSION_BATCH } from '../../aws/lakeFormationPermissions.ts';
import { LakemirrorError } from '../../model/errors.ts';
import { recordKey, resourceKey } from '../../model/keys.ts';
import { plural } from '../../model/plural.ts';
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
import { batchOutcome, singleWrite } from './writeCalls.ts';

/**
 * Grants and revokes go out in batches of 20 (one audited call each, beside each other); each entry's failure
 * is its own result.
 */
export async function applyGrantActions(
  target: RegionSide,
  actions: readonly ActionOf<'grant'>[],
): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  for (const op of ['create', 'delete'] as const) {
    const chosen = actions.filter((a) => a.op === op);
    const batches = await Promise.all(
      chunk(chosen, LF_PERMISSION_BATCH).map((batch) => grantBatch(target, op, batch)),
    );
    results.push(...batches.flat());
  }
  return results;
}

async function grantBatch(
  target: RegionSide,
  op: 'create' | 'delete',
  chosen: readonly ActionOf<'grant'>[],
): Promise<ActionResult[]> {
  const entries = chosen.map((a) => grantEntry((op === 'create' ? a.desired : a.current)!, target.accountId));
  const call = {
    operation: operationOf('grant', op),
    kind: 'grant' as const,
    op,
    object: plural(chosen.length, 'grant'),
    objects: chosen.map((a) => a.key),
  };
  const toResults = (answers: Awaited<ReturnType<typeof target.lakeFormation.batchGrant>>) =>
    answers.map((answer, i): ActionResult => {
      const action = chosen[i]!;
      return answer.ok
        ? { kind: 'grant', key: action.key, op, ok: true }
        : { kind: 'grant', key: action.key, op, ok: false, error: answer.error };
    });
  let results: ActionResult[] = [];
  await journaled(
    target,
    call,
    async () => {
      results = toResults(
        op === 'create'
          ? await target.lakeFormation.batchGrant(entries)
          : await target.lakeFormation.batchRevoke(entries),
      );
    },
    () => batchOutcome(results),
  );
  return results;
}

/** Applies one action of the other Lake Formation kinds (locations, LF-Tags, assignments, filters, settings). */
export async function applyLakeFormationAction(target: RegionSide, action: Action): Promise<ActionResult> {
  const lf = target.lakeFormation;
  // One intent per action: a re-registration or an assignment's add and remove are its one or two calls.
  const audited = (write: () => Promise<unknown>) =>
    attempt(action.kind, action.key, action.op, () => journaled(target, singleWrite(action), write));
  switch (action.kind) {
    case 'location': {
      const record = (action.desired ?? action.current)!;
      return audited(async () => {
        if (action.op === 'create') return lf.registerResource(registerRequest(record));
        if (action.op === 'delete') return lf.deregisterResource(record.resourceArn);
        const transition = locationTransition(action.desired!);
        if (transition.method === 'update') return lf.updateResource(transition.request);
        await lf.deregisterResource(record.resourceArn);
        return lf.registerResource(transition.request);
      });
    }
    case 'lfTag':
      return audited(async () => {
        if (action.op === 'create') return lf.createLfTag(action.desired!.key, action.desired!.values);
        // A delete with `desired` removes only some values (the tag keeps `desired.values`).
        if (action.op === 'delete' && !action.desired) return lf.deleteLfTag(action.current!.key);
        const add = action.desired!.values.filter((v) => !action.current!.values.includes(v));
        const remove = action.current!.values.filter((v) => !action.desired!.values.includes(v));
        return lf.updateLfTag(action.desired!.key, { add, remove });
      });
    case 'lfTagAssignment':
      return audited(async () => {
        const resource = lfResource((action.desired ?? action.current)!.resource);
        const want = action.op === 'delete' ? [] : action.desired!.tags;
        const have = action.op === 'create' ? [] : action.current!.tags;
        const add = tagPairsMissing(want, have);
        const remove = tagPairsRemoved(have, want);
        const failures = [
          ...(add.length ? await lf.addLfTags(resource, add) : []),
          ...(remove.length ? await lf.removeLfTags(resource, remove) : []),
        ].filter((r) => !r.ok);
        if (failures.length)
          throw new LakemirrorError({
            code: 'apply.lfTagAssignment',
            source: 'aws',
            object: `LF-Tags of ${resourceKey((action.desired ?? action.current)!.resource)}`,
            message: failures.map((f) => (f.ok ? '' : f.error.message)).join('; '),
            fix: 'check that the LF-Tags and values exist in the target and that lakemirror may assign them (lakeformation:AddLFTagsToResource, RemoveLFTagsFromResource), then run sync again',
          });
      });
    case 'dataCellsFilter': {
      const request = dataCellsFilterRequest((action.desired ?? action.current)!, target.accountId);
      return audited(() =>
        action.op === 'create'
          ? lf.createDataCellsFilter(request)
          : action.op === 'update'
            ? lf.updateDataCellsFilter(request)
            : lf.deleteDataCellsFilter(request),
      );
    }
    case 'optIn': {
      const { principal, resource, condition } = optInRequest(
        (action.desired ?? action.current)!,
        target.accountId,
      );
      return attempt('optIn', action.key, action.op, async () => {
        // No update call: a changed condition is the old opt-in deleted and the new one created.
        if (action.op !== 'create') {
          const old = optInRequest(action.current!, target.accountId);
          await lf.deleteOptIn(old.principal, old.resource, old.condition);
        }
        if (action.op !== 'delete') await lf.createOptIn(principal, resource, condition);
      });
    }
    case 'dataLakeSettings':
      return audited(() =>
        lf.putDataLakeSettings(action.desired!.settings as Parameters<typeof lf.putDataLakeSettings>[0]),
      );
    default:
      throw new LakemirrorError({
        code: 'internal.unknownKind',
        source: 'internal',
        message: `applyLakeFormationAction cannot apply ${action.kind} ${recordKey((action.desired ?? action.current)!)}`,
      });
  }
}

export { tagPairs };
