import type { RequestContext } from '../../service.ts';
import { checkListLength, lfInvalid, lfNotFound, lfRequired } from './errors.ts';
import { page } from './paging.ts';
import { lakeFormationStateOf } from './state.ts';

/** Values one CreateLFTag or UpdateLFTag call takes, and the most values an LF-Tag may hold. */
export const MAX_VALUES_PER_CALL = 50;
export const MAX_VALUES_PER_TAG = 1000;

interface TagInput {
  CatalogId?: string;
  TagKey?: string;
  TagValues?: string[];
  TagValuesToAdd?: string[];
  TagValuesToDelete?: string[];
  MaxResults?: number;
  NextToken?: string;
}

/** The stored LF-Tag, or the EntityNotFoundException Get/Update/Delete answer. */
export function storedTag(ctx: RequestContext, key: string) {
  const tag = lakeFormationStateOf(ctx.regionState).lfTags[key];
  if (!tag) throw lfNotFound(`Tag key does not exist: ${key}`);
  return tag;
}

const unique = (values: string[]) => [...new Set(values)];

export function createLFTag(input: TagInput, ctx: RequestContext) {
  const key = lfRequired<string>(input, 'TagKey');
  const values = lfRequired<string[]>(input, 'TagValues');
  checkListLength(values, 'TagValues', MAX_VALUES_PER_CALL, 1);
  const lf = lakeFormationStateOf(ctx.regionState);
  if (lf.lfTags[key]) throw lfInvalid(`Tag key already exists: ${key}`);
  lf.lfTags[key] = { CatalogId: input.CatalogId ?? ctx.accountId, TagKey: key, TagValues: unique(values) };
  return {};
}

export function getLFTag(input: TagInput, ctx: RequestContext) {
  const tag = storedTag(ctx, lfRequired<string>(input, 'TagKey'));
  return { CatalogId: tag.CatalogId, TagKey: tag.TagKey, TagValues: tag.TagValues };
}

/** Whether any resource still carries `key=value` (a value in use cannot be deleted from its tag). */
function valueAssigned(ctx: RequestContext, key: string, value: string): boolean {
  return Object.values(lakeFormationStateOf(ctx.regionState).resourceTags).some((entry) =>
    entry.tags.some((tag) => tag.TagKey === key && tag.TagValues.includes(value)),
  );
}

/**
 * Adds and deletes values. Deleting a value still assigned to a resource is refused ("Update not allowed"), as the
 * API reference says; the tag may hold at most 1000 values.
 */
export function updateLFTag(input: TagInput, ctx: RequestContext) {
  const tag = storedTag(ctx, lfRequired<string>(input, 'TagKey'));
  const toAdd = input.TagValuesToAdd ?? [];
  const toDelete = input.TagValuesToDelete ?? [];
  checkListLength(input.TagValuesToAdd, 'TagValuesToAdd', MAX_VALUES_PER_CALL, 1);
  checkListLength(input.TagValuesToDelete, 'TagValuesToDelete', MAX_VALUES_PER_CALL, 1);
  if (toAdd.length === 0 && toDelete.length === 0) {
    throw lfInvalid('At least one of TagValuesToAdd or TagValuesToDelete must be specified.');
  }
  const absent = toDelete.find((value) => !tag.TagValues.includes(value));
  if (absent !== undefined) throw lfNotFound(`Tag value does not exist: ${tag.TagKey}=${absent}`);
  const inUse = toDelete.find((value) => valueAssigned(ctx, tag.TagKey, value));
  if (inUse !== undefined) {
    throw lfInvalid(`Update not allowed: tag value ${tag.TagKey}=${inUse} is assigned to a resource.`);
  }
  const values = unique([...tag.TagValues.filter((v) => !toDelete.includes(v)), ...toAdd]);
  if (values.length > MAX_VALUES_PER_TAG) {
    throw lfInvalid(`An LF-Tag can have at most ${MAX_VALUES_PER_TAG} values.`);
  }
  if (values.length === 0) throw lfInvalid('An LF-Tag must have at least one value.');
  tag.TagValues = values;
  return {};
}

/**
 * Deletes the tag. Lake Formation does not refuse a tag that is still assigned: the assignments (and the grants
 * on the tag) go with it.
 */
export function deleteLFTag(input: TagInput, ctx: RequestContext) {
  const key = storedTag(ctx, lfRequired<string>(input, 'TagKey')).TagKey;
  const lf = lakeFormationStateOf(ctx.regionState);
  delete lf.lfTags[key];
  for (const [resource, entry] of Object.entries(lf.resourceTags)) {
    entry.tags = entry.tags.filter((tag) => tag.TagKey !== key);
    if (entry.tags.length === 0) delete lf.resourceTags[resource];
  }
  lf.permissions = lf.permissions.filter((p) => p.Resource.LFTag?.TagKey !== key);
  return {};
}

export function listLFTags(input: TagInput & { ResourceShareType?: string }, ctx: RequestContext) {
  const tags = Object.values(lakeFormationStateOf(ctx.regionState).lfTags).sort((a, b) =>
    a.TagKey.localeCompare(b.TagKey),
  );
  const { items, NextToken } = page(tags, input, 'ListLFTags');
  return {
    LFTags: items.map((t) => ({ CatalogId: t.CatalogId, TagKey: t.TagKey, TagValues: t.TagValues })),
    NextToken,
  };
}
