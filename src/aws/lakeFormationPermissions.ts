import {
  BatchGrantPermissionsCommand,
  type BatchPermissionsFailureEntry,
  type BatchPermissionsRequestEntry,
  BatchRevokePermissionsCommand,
  type DataLakePrincipal,
  type DataLakeResourceType,
  type LakeFormationClient,
  ListPermissionsCommand,
  type PrincipalResourcePermissions,
  type Resource,
} from '@aws-sdk/client-lakeformation';
import { type AwsCallContext, catalogIdParam } from './awsCallContext.ts';
import { type BatchItemResult, failWholeBatchOnError, itemResult } from './batchItemResult.ts';
import { chunk } from './chunk.ts';
import { collectPages } from './pages.ts';

/** BatchGrantPermissions / BatchRevokePermissions take at most 20 entries. */
export const LF_PERMISSION_BATCH = 20;

/** A grant or revoke without its request Id (the adapter assigns unique ones). */
export type PermissionEntry = Omit<BatchPermissionsRequestEntry, 'Id'>;
/** Outcome of one grant/revoke entry. */
export type PermissionEntryResult = BatchItemResult<PermissionEntry>;
/** Filters of ListPermissions; all optional (an LF admin may list everything). */
export interface ListPermissionsFilter {
  resource?: Resource;
  principal?: DataLakePrincipal;
  resourceType?: DataLakeResourceType;
}

/** Lists Lake Formation permissions, every page. */
export function listPermissions(
  client: LakeFormationClient,
  context: AwsCallContext,
  filter: ListPermissionsFilter,
): Promise<PrincipalResourcePermissions[]> {
  return collectPages(async (NextToken) => {
    const page = await context.call('ListPermissions', `permissions in ${context.region}`, () =>
      client.send(
        new ListPermissionsCommand({
          ...catalogIdParam(context),
          ...(filter.resource ? { Resource: filter.resource } : {}),
          ...(filter.principal ? { Principal: filter.principal } : {}),
          ...(filter.resourceType ? { ResourceType: filter.resourceType } : {}),
          MaxResults: 1000,
          NextToken,
        }),
      ),
    );
    return { items: page.PrincipalResourcePermissions, next: page.NextToken };
  });
}

/**
 * Grants or revokes in batches of 20 with bounded concurrency. Entry Ids come from `nextId`
 * (a per-store counter) so they are unique within each call, as the API requires; failures
 * are matched back to entries by Id and returned, never thrown.
 */
export async function batchPermissions(
  client: LakeFormationClient,
  context: AwsCallContext,
  mode: 'grant' | 'revoke',
  entries: readonly PermissionEntry[],
  nextId: () => string,
): Promise<PermissionEntryResult[]> {
  const operation = mode === 'grant' ? 'BatchGrantPermissions' : 'BatchRevokePermissions';
  const results = await Promise.all(
    chunk(entries, LF_PERMISSION_BATCH).map((batch) =>
      context.limit(() =>
        failWholeBatchOnError(batch, async () => {
          const withIds = batch.map((entry) => ({ ...entry, Id: nextId() }));
          const input = { ...catalogIdParam(context), Entries: withIds };
          const response = await context.call(operation, `permissions in ${context.region}`, () =>
            client.send(
              mode === 'grant'
                ? new BatchGrantPermissionsCommand(input)
                : new BatchRevokePermissionsCommand(input),
            ),
          );
          const failures = new Map<string | undefined, BatchPermissionsFailureEntry>(
            (response.Failures ?? []).map((f) => [f.RequestEntry?.Id, f]),
          );
          return withIds.map(
            ({ Id, ...entry }, index): PermissionEntryResult =>
              itemResult(batch[index] ?? entry, failures.get(Id)),
          );
        }),
      ),
    ),
  );
  return results.flat();
}
