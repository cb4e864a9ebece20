import type { CatalogInput } from '@aws-sdk/client-glue';
import { journaled } from '../../audit/writeJournal.ts';
import type { CatalogRecord } from '../../model/records.ts';
import type { ActionOf } from '../../plan/actions.ts';
import { connectionMissingReason, ownConnectionOf } from '../../plan/planCatalogs.ts';
import type { RegionSide } from '../regionSide.ts';
import { type ActionResult, attempt } from './actionResult.ts';
import { singleWrite } from './writeCalls.ts';

/** The code of a catalog left out because the target Region lacks its connection (a skip, never a failure). */
export const CONNECTION_MISSING = 'apply.catalogConnectionMissing';

const parentOf = (name: string) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : undefined);

/**
 * Applies catalog actions one at a time in plan order (a parent before its children, after them when deleted).
 * Connections are never read: a federated catalog is attempted, and CreateCatalog's EntityNotFoundException
 * about its connection makes it a skipped object with the reason, as are the catalogs inside it.
 */
export async function applyCatalogs(
  target: RegionSide,
  actions: readonly ActionOf<'catalog'>[],
): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  const skipped = new Set<string>();
  for (const action of actions) {
    const record = (action.desired ?? action.current)!;
    const parent = parentOf(record.name);
    if (parent !== undefined && skipped.has(parent)) {
      skipped.add(record.name);
      results.push(skip(action, `its parent catalog ${parent} is skipped`));
      continue;
    }
    const result = await applyCatalog(target, action, record);
    const connection = ownConnectionOf(record);
    if (!result.ok && connection && action.op !== 'delete' && isConnectionMissing(result, connection)) {
      skipped.add(record.name);
      results.push(skip(action, connectionMissingReason(connection)));
    } else results.push(result);
  }
  return results;
}

function applyCatalog(
  target: RegionSide,
  action: ActionOf<'catalog'>,
  { name, input }: CatalogRecord,
): Promise<ActionResult> {
  const { catalogs } = target.glueObjects;
  const request = input as CatalogInput;
  return attempt('catalog', action.key, action.op, () =>
    journaled(target, singleWrite(action), () =>
      action.op === 'create'
        ? catalogs.create(name, request)
        : action.op === 'update'
          ? catalogs.update(name, request)
          : catalogs.delete(name),
    ),
  );
}

/** Glue's answer when a federated catalog names a connection the Region does not have. */
function isConnectionMissing(result: ActionResult, connection: string): boolean {
  const message = result.error?.message ?? '';
  return (
    result.error?.code === 'aws.EntityNotFoundException' &&
    /connection/i.test(message) &&
    message.includes(connection)
  );
}

function skip(action: ActionOf<'catalog'>, reason: string): ActionResult {
  return {
    kind: 'catalog',
    key: action.key,
    op: action.op,
    ok: false,
    skipped: reason,
    error: { code: CONNECTION_MISSING, message: `catalog ${action.key} skipped: ${reason}` },
  };
}
