import { z } from 'zod';

/*
 * The constraints of the Glue (glue-2017-03-31) and Lake Formation (lakeformation-2017-03-31) API models on the
 * fields a snapshot record carries, so that a record the API would refuse is refused when the snapshot is read,
 * before any write, instead of one by one in the middle of an apply. Each limit names the model shape it comes
 * from; lengths are in characters, as the models' @length counts them.
 */

/** Glue/LF single-line string pattern `[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*`. */
const SINGLE_LINE = /^[\t\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
/** The multi-line pattern (DescriptionString, URI, LocationString, PredicateString): also `\r` and `\n`. */
const MULTI_LINE = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

const length = (value: unknown) => (typeof value === 'string' ? value.length : 0);

/** A string member constrained like model shape `shape`: length `min`..`max`, one line or many. */
export function modelString(shape: string, min: number, max: number, lines: 'single' | 'multi' = 'single') {
  return z
    .string()
    .min(min, { error: `empty, but ${shape} needs at least ${min} character${min === 1 ? '' : 's'}` })
    .max(max, { error: (issue) => `${length(issue.input)} characters, more than the ${max} of ${shape}` })
    .regex(lines === 'single' ? SINGLE_LINE : MULTI_LINE, {
      error:
        lines === 'single'
          ? `holds a line break or control character; ${shape} allows one line of printable characters (and tab)`
          : `holds a control character; ${shape} allows printable characters, tab and line breaks`,
    });
}

/** A string member with only a maximum length (the model gives it no pattern). */
function maxString(shape: string, max: number) {
  return z.string().max(max, {
    error: (issue) => `${length(issue.input)} characters, more than the ${max} of ${shape}`,
  });
}

/** Glue shapes. */
export const glue = {
  name: modelString('Glue NameString', 1, 255),
  description: modelString('Glue DescriptionString', 0, 2048, 'multi'),
  uri: modelString('Glue URI', 1, 1024, 'multi'),
  location: modelString('Glue LocationString', 0, 2056, 'multi'),
  format: modelString('Glue FormatString', 0, 128),
  columnType: modelString('Glue ColumnTypeString', 0, 131072),
  comment: modelString('Glue CommentString', 0, 255),
  tableType: modelString('Glue TableTypeString', 0, 255),
  viewText: maxString('Glue ViewTextString', 409600),
  /** ParametersMap: KeyString keys (1 to 255, one line), ParametersMapValue values (at most 512000). */
  parameters: z.record(modelString('Glue KeyString', 1, 255), maxString('Glue ParametersMapValue', 512000)),
} as const;

/** Lake Formation's Permission enum. */
export const LF_PERMISSIONS = [
  'ALL',
  'ALTER',
  'ASSOCIATE',
  'CREATE_CATALOG',
  'CREATE_DATABASE',
  'CREATE_LF_TAG',
  'CREATE_LF_TAG_EXPRESSION',
  'CREATE_TABLE',
  'DATA_LOCATION_ACCESS',
  'DELETE',
  'DESCRIBE',
  'DROP',
  'GRANT_WITH_LF_TAG_EXPRESSION',
  'INSERT',
  'SELECT',
  'SUPER_USER',
] as const;

const LF_TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@%]*$/u;
const LF_TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:*/=+\-@%]*$/u;

/** Lake Formation shapes. */
export const lakeFormation = {
  name: modelString('Lake Formation NameString', 1, 255),
  principal: modelString('Lake Formation DataLakePrincipalString', 1, 255),
  // A refined string, not z.enum: records keep `string` lists, which the planner builds and compares.
  permission: z.string().refine((value) => (LF_PERMISSIONS as readonly string[]).includes(value), {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a Lake Formation Permission (allowed: ${LF_PERMISSIONS.join(', ')})`,
  }),
  predicate: modelString('Lake Formation PredicateString', 0, 2048, 'multi'),
  tagKey: z
    .string()
    .min(1, { error: 'empty, but Lake Formation LFTagKey needs at least 1 character' })
    .max(128, {
      error: (issue) => `${length(issue.input)} characters, more than the 128 of Lake Formation LFTagKey`,
    })
    .regex(LF_TAG_KEY, {
      error: 'Lake Formation LFTagKey allows letters, digits, spaces and _.:/=+-@% only',
    }),
  tagValue: z
    .string()
    .max(256, {
      error: (issue) => `${length(issue.input)} characters, more than the 256 of Lake Formation LFTagValue`,
    })
    .regex(LF_TAG_VALUE, {
      error: 'Lake Formation LFTagValue allows letters, digits, spaces and _.:*/=+-@% only',
    }),
} as const;

/** TagValueList of an LF-Tag: 1 to 1000 values (CreateLFTag takes 50 per call; UpdateLFTag adds the rest). */
export const lfTagValues = z
  .array(lakeFormation.tagValue)
  .min(1, { error: 'no values, but an LF-Tag needs 1 to 1000 (Lake Formation TagValueList)' })
  .max(1000, {
    error: (issue) =>
      `${Array.isArray(issue.input) ? issue.input.length : 0} values, more than the 1000 an LF-Tag may hold`,
  });
