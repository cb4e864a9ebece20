import type { RequestContext } from '../../service.ts';
import { findTable } from '../glue/state.ts';
import { checkListLength, lfInvalid, lfRequired } from './errors.ts';
import { checkResourceExists, checkTagValues } from './existence.ts';
import { type LfResource, normalizeResource, resourceKey } from './resources.ts';
import { lakeFormationStateOf } from './state.ts';

/** The most LF-Tags one call assigns or removes (and a resource may carry). */
export const MAX_TAGS_PER_CALL = 50;

type TagPair = { TagKey: string; TagValues: string[] };
interface TagsInput {
  CatalogId?: string;
  Resource?: LfResource;
  LFTags?: Array<{ CatalogId?: string; TagKey?: string; TagValues?: string[] }>;
  ShowAssignedLFTags?: boolean;
}

/**
 * The resources tags are assigned on, one per stored entry: the database, the table, or each column of a
 * TableWithColumns (stored as a TableWithColumns with that one column).
 */
function assignmentTargets(ctx: RequestContext, resource: LfResource): LfResource[] {
  const normalized = normalizeResource(resource, ctx.accountId);
  const columns = normalized.TableWithColumns;
  if (normalized.Table?.TableWildcard) throw lfInvalid('LF-Tags cannot be assigned to a table wildcard.');
  if (columns?.ColumnWildcard)
    throw lfInvalid('Must provide column names for the TableWithColumns resource.');
  if (!normalized.Database && !normalized.Table && !columns) {
    throw lfInvalid('LF-Tags can only be assigned to databases, tables and columns.');
  }
  checkResourceExists(ctx, normalized);
  if (!columns) return [normalized];
  return (columns.ColumnNames as string[]).map((name) => ({
    TableWithColumns: { ...columns, ColumnNames: [name] },
  }));
}

/** Validates the LF-Tag pairs of Add/RemoveLFTagsToResource as the service does for the whole call. */
function tagPairs(input: TagsInput): TagPair[] {
  const pairs = lfRequired<NonNullable<TagsInput['LFTags']>>(input, 'LFTags');
  checkListLength(pairs, 'LFTags', MAX_TAGS_PER_CALL, 1);
  const keys = pairs.map((pair) => lfRequired<string>(pair, 'TagKey'));
  if (new Set(keys).size !== keys.length) throw lfInvalid('Provided list of tags contains duplicate tag key');
  return pairs.map((pair) => {
    const values = pair.TagValues ?? [];
    if (values.length !== 1 || values[0] === '*') {
      throw lfInvalid('Tag value wild card was found or input tag value list has size not equal to 1');
    }
    return { TagKey: pair.TagKey!, TagValues: [...values] };
  });
}

/** Applies `change` to each tag on each target; a tag that cannot apply is answered in Failures. */
function eachTag(
  ctx: RequestContext,
  input: TagsInput,
  change: (entryTags: TagPair[], pair: TagPair) => TagPair[] | string,
) {
  const targets = assignmentTargets(ctx, lfRequired(input, 'Resource'));
  const lf = lakeFormationStateOf(ctx.regionState);
  const failures: Array<{
    LFTag: TagPair & { CatalogId: string };
    Error: { ErrorCode: string; ErrorMessage: string };
  }> = [];
  for (const pair of tagPairs(input)) {
    const fail = (code: string, message: string) =>
      failures.push({
        LFTag: { CatalogId: ctx.accountId, ...pair },
        Error: { ErrorCode: code, ErrorMessage: message },
      });
    try {
      checkTagValues(ctx, ctx.accountId, pair.TagKey, pair.TagValues);
    } catch (error) {
      fail('EntityNotFoundException', (error as Error).message);
      continue;
    }
    for (const target of targets) {
      const key = resourceKey(target);
      const entry = lf.resourceTags[key] ?? { resource: target, tags: [] };
      const result = change(entry.tags, pair);
      if (typeof result === 'string') {
        fail('EntityNotFoundException', result);
        break;
      }
      entry.tags = result;
      if (entry.tags.length > 0) lf.resourceTags[key] = entry;
      else delete lf.resourceTags[key];
    }
  }
  return { Failures: failures };
}

export const addLFTagsToResource = (input: TagsInput, ctx: RequestContext) =>
  eachTag(ctx, input, (tags, pair) => [...tags.filter((t) => t.TagKey !== pair.TagKey), pair]);

export const removeLFTagsFromResource = (input: TagsInput, ctx: RequestContext) =>
  eachTag(ctx, input, (tags, pair) => {
    const held = tags.some((t) => t.TagKey === pair.TagKey && t.TagValues[0] === pair.TagValues[0]);
    if (!held) return `Tag ${pair.TagKey}=${pair.TagValues[0]} is not assigned to the resource.`;
    return tags.filter((t) => t.TagKey !== pair.TagKey);
  });

/** Tags of `child` override same-key tags inherited from `parent`. */
const inherit = (parent: TagPair[], child: TagPair[]): TagPair[] => [
  ...parent.filter((p) => !child.some((c) => c.TagKey === p.TagKey)),
  ...child,
];

/**
 * GetResourceLFTags. For a table: LFTagOnDatabase is what the database carries; LFTagsOnTable and LFTagsOnColumns
 * include what the table inherits from its database and columns from their table (a nearer assignment of the same
 * key overrides), unless ShowAssignedLFTags asks for the directly assigned tags only.
 */
export function getResourceLFTags(input: TagsInput, ctx: RequestContext) {
  const resource = normalizeResource(lfRequired(input, 'Resource'), ctx.accountId);
  if (
    resource.Table?.TableWildcard ||
    (!resource.Database && !resource.Table && !resource.TableWithColumns)
  ) {
    throw lfInvalid('LF-Tags can only be read from databases, tables and columns.');
  }
  checkResourceExists(ctx, resource);
  const lf = lakeFormationStateOf(ctx.regionState);
  const member = Object.values(resource)[0] as LfResource;
  const catalogId = String(member.CatalogId);
  const direct = (target: LfResource) => lf.resourceTags[resourceKey(target)]?.tags ?? [];
  const out = (tags: TagPair[]) =>
    tags.map((t) => ({ CatalogId: catalogId, TagKey: t.TagKey, TagValues: t.TagValues }));
  const dbName = resource.Database ? member.Name : member.DatabaseName;
  const onDatabase = direct({ Database: { CatalogId: catalogId, Name: dbName } });
  if (resource.Database) return { LFTagOnDatabase: out(onDatabase) };

  const showAssigned = input.ShowAssignedLFTags === true;
  const table = { CatalogId: catalogId, DatabaseName: dbName, Name: member.Name };
  const onTable = showAssigned ? direct({ Table: table }) : inherit(onDatabase, direct({ Table: table }));
  const glueTable = findTable(ctx.stateOf(catalogId, ctx.region), dbName, member.Name)!.table;
  const allColumns = [
    ...(glueTable.StorageDescriptor?.Columns ?? []),
    ...(glueTable.PartitionKeys ?? []),
  ].map((c: { Name: string }) => c.Name);
  const wanted = resource.TableWithColumns?.ColumnNames ?? allColumns;
  const columns = (wanted as string[])
    .map((name) => {
      const assigned = direct({ TableWithColumns: { ...table, ColumnNames: [name] } });
      return { Name: name, LFTags: out(showAssigned ? assigned : inherit(onTable, assigned)) };
    })
    .filter((column) => column.LFTags.length > 0);
  return { LFTagOnDatabase: out(onDatabase), LFTagsOnTable: out(onTable), LFTagsOnColumns: columns };
}
