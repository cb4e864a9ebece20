import {
  AddLFTagsToResourceCommand,
  CreateLFTagCommand,
  DeleteLFTagCommand,
  GetResourceLFTagsCommand,
  type GetResourceLFTagsCommandOutput,
  type LakeFormationClient,
  type LFTagError,
  type LFTagPair,
  ListLFTagsCommand,
  RemoveLFTagsFromResourceCommand,
  type Resource,
  UpdateLFTagCommand,
} from '@aws-sdk/client-lakeformation';
import { type AwsCallContext, catalogIdParam } from './awsCallContext.ts';
import { type BatchItemResult, failWholeBatchOnError, itemResult } from './batchItemResult.ts';
import { chunk } from './chunk.ts';
import { collectPages } from './pages.ts';

/** AddLFTagsToResource / RemoveLFTagsFromResource take at most 50 tags. */
export const LF_TAGS_PER_CALL = 50;

/** Outcome of assigning or removing one LF-Tag on a resource. */
export type LfTagAssignmentResult = BatchItemResult<LFTagPair>;

/** Every LF-Tag (key and allowed values) of the catalog. */
export function listLfTags(client: LakeFormationClient, context: AwsCallContext): Promise<LFTagPair[]> {
  return collectPages(async (NextToken) => {
    const page = await context.call('ListLFTags', `LF-Tags in ${context.region}`, () =>
      client.send(new ListLFTagsCommand({ ...catalogIdParam(context), MaxResults: 100, NextToken })),
    );
    return { items: page.LFTags, next: page.NextToken };
  });
}

/** CreateLFTag and UpdateLFTag take at most 50 values per call (a tag may hold 1000). */
export const LF_TAG_VALUES_PER_CALL = 50;

/** Creates a tag with its first 50 values, then adds the rest 50 at a time. */
export async function createLfTag(
  client: LakeFormationClient,
  context: AwsCallContext,
  key: string,
  values: string[],
) {
  const [first = [], ...rest] = chunk(values, LF_TAG_VALUES_PER_CALL);
  await context.call('CreateLFTag', `LF-Tag ${key} in ${context.region}`, () =>
    client.send(new CreateLFTagCommand({ ...catalogIdParam(context), TagKey: key, TagValues: first })),
  );
  if (rest.length > 0) await updateLfTag(client, context, key, { add: rest.flat() });
}

/** Adds and removes allowed values, up to 50 of each per call (one call when that is enough). */
export async function updateLfTag(
  client: LakeFormationClient,
  context: AwsCallContext,
  key: string,
  change: { add?: string[]; remove?: string[] },
) {
  const adds = chunk(change.add ?? [], LF_TAG_VALUES_PER_CALL);
  const removes = chunk(change.remove ?? [], LF_TAG_VALUES_PER_CALL);
  const calls = Array.from({ length: Math.max(adds.length, removes.length) }, (_, i) => ({
    ...(adds[i] ? { TagValuesToAdd: adds[i] } : {}),
    ...(removes[i] ? { TagValuesToDelete: removes[i] } : {}),
  }));
  for (const values of calls) {
    await context.call('UpdateLFTag', `LF-Tag ${key} in ${context.region}`, () =>
      client.send(new UpdateLFTagCommand({ ...catalogIdParam(context), TagKey: key, ...values })),
    );
  }
}

export async function deleteLfTag(client: LakeFormationClient, context: AwsCallContext, key: string) {
  await context.call('DeleteLFTag', `LF-Tag ${key} in ${context.region}`, () =>
    client.send(new DeleteLFTagCommand({ ...catalogIdParam(context), TagKey: key })),
  );
}

/**
 * Adds or removes LF-Tags on one resource, 50 per call; per-tag failures come back as results.
 * `describe` names the resource in errors.
 */
export async function changeResourceLfTags(
  client: LakeFormationClient,
  context: AwsCallContext,
  mode: 'add' | 'remove',
  resource: Resource,
  tags: readonly LFTagPair[],
  describe: string,
): Promise<LfTagAssignmentResult[]> {
  const operation = mode === 'add' ? 'AddLFTagsToResource' : 'RemoveLFTagsFromResource';
  const results = await Promise.all(
    chunk(tags, LF_TAGS_PER_CALL).map((batch) =>
      context.limit(() =>
        failWholeBatchOnError(batch, async () => {
          const input = { ...catalogIdParam(context), Resource: resource, LFTags: batch };
          const response = await context.call(operation, describe, () =>
            client.send(
              mode === 'add'
                ? new AddLFTagsToResourceCommand(input)
                : new RemoveLFTagsFromResourceCommand(input),
            ),
          );
          const failures = new Map<string | undefined, LFTagError>(
            (response.Failures ?? []).map((f) => [f.LFTag?.TagKey, f]),
          );
          return batch.map((key): LfTagAssignmentResult => itemResult(key, failures.get(key.TagKey)));
        }),
      ),
    ),
  );
  return results.flat();
}

/** LF-Tags assigned directly to a resource (not inherited: inherited ones replicate with their parent). */
export async function getResourceLfTags(
  client: LakeFormationClient,
  context: AwsCallContext,
  resource: Resource,
  describe: string,
): Promise<Omit<GetResourceLFTagsCommandOutput, '$metadata'>> {
  const { $metadata: _, ...tags } = await context.call('GetResourceLFTags', describe, () =>
    client.send(
      new GetResourceLFTagsCommand({
        ...catalogIdParam(context),
        Resource: resource,
        ShowAssignedLFTags: true,
      }),
    ),
  );
  return tags;
}
