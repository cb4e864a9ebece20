/*
 * The constraints of the Glue (glue-2017-03-31) and Lake Formation (lakeformation-2017-03-31) API models on the
 * fields a snapshot record carries, so that a record the API would refuse is refused when the snapshot is read,
 * before any write, instead of one by one in the middle of an apply. Each rule names the model shape it comes
 * from; lengths are in characters, as the models' @length counts them. The record schema applies them in one
 * walk (recordLimits.ts): a zod check per field doubled the cost of parsing a partition line.
 */

/** What a string member must satisfy. */
export interface StringRule {
  readonly shape: string;
  readonly min: number;
  readonly max: number;
  /** `single`: the single-line pattern; `multi`: the multi-line pattern; a RegExp: that pattern. */
  readonly pattern?: 'single' | 'multi' | { regex: RegExp; allowed: string };
}

/** What a member whose value is one of a fixed set must satisfy. */
export interface EnumRule {
  readonly shape: string;
  readonly values: readonly string[];
}

/*
 * Glue/LF single-line pattern `[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*`: no C0 control
 * character but tab, no U+FFFE/U+FFFF, no lone surrogate. The multi-line pattern also allows `\r` and `\n`.
 * Checked as "no forbidden character" plus `isWellFormed()`: the same rule, faster than a Unicode-range regex.
 */
const FORBIDDEN_SINGLE_LINE = /[^\t\u0020-\uFFFD]/;
const FORBIDDEN_MULTI_LINE = /[^\t\n\r\u0020-\uFFFD]/;
const wellFormed = (value: string) => (value as unknown as { isWellFormed(): boolean }).isWellFormed();

/** What is wrong with `value` under `rule`, or undefined when it fits. */
export function stringProblem(value: string, rule: StringRule): string | undefined {
  const { shape, min, max, pattern } = rule;
  if (value.length < min) return `empty, but ${shape} needs at least ${min} character${min === 1 ? '' : 's'}`;
  if (value.length > max) return `${value.length} characters, more than the ${max} of ${shape}`;
  if (pattern === undefined) return undefined;
  if (pattern === 'single' || pattern === 'multi') {
    const forbidden = pattern === 'single' ? FORBIDDEN_SINGLE_LINE : FORBIDDEN_MULTI_LINE;
    if (!forbidden.test(value) && wellFormed(value)) return undefined;
    return pattern === 'single'
      ? `holds a line break or control character; ${shape} allows one line of printable characters (and tab)`
      : `holds a control character; ${shape} allows printable characters, tab and line breaks`;
  }
  return pattern.regex.test(value) ? undefined : `${shape} allows ${pattern.allowed} only`;
}

const rule = (shape: string, min: number, max: number, pattern?: StringRule['pattern']): StringRule =>
  pattern === undefined ? { shape, min, max } : { shape, min, max, pattern };

/** Glue shapes. */
export const GLUE = {
  name: rule('Glue NameString', 1, 255, 'single'),
  description: rule('Glue DescriptionString', 0, 2048, 'multi'),
  uri: rule('Glue URI', 1, 1024, 'multi'),
  location: rule('Glue LocationString', 0, 2056, 'multi'),
  format: rule('Glue FormatString', 0, 128, 'single'),
  columnType: rule('Glue ColumnTypeString', 0, 131072, 'single'),
  comment: rule('Glue CommentString', 0, 255, 'single'),
  tableType: rule('Glue TableTypeString', 0, 255, 'single'),
  viewText: rule('Glue ViewTextString', 0, 409600),
  parameterKey: rule('Glue KeyString', 1, 255, 'single'),
  parameterValue: rule('Glue ParametersMapValue', 0, 512000),
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

/** Lake Formation shapes. */
export const LAKE_FORMATION = {
  name: rule('Lake Formation NameString', 1, 255, 'single'),
  principal: rule('Lake Formation DataLakePrincipalString', 1, 255),
  permission: { shape: 'Lake Formation Permission', values: LF_PERMISSIONS } satisfies EnumRule,
  predicate: rule('Lake Formation PredicateString', 0, 2048, 'multi'),
  tagKey: rule('Lake Formation LFTagKey', 1, 128, {
    regex: /^[\p{L}\p{Z}\p{N}_.:/=+\-@%]*$/u,
    allowed: 'letters, digits, spaces and _.:/=+-@%',
  }),
  tagValue: rule('Lake Formation LFTagValue', 0, 256, {
    regex: /^[\p{L}\p{Z}\p{N}_.:*/=+\-@%]*$/u,
    allowed: 'letters, digits, spaces and _.:*/=+-@%',
  }),
  /** TagValueList of an LF-Tag: 1 to 1000 values (CreateLFTag takes 50 per call, UpdateLFTag adds the rest). */
  tagValueCount: { min: 1, max: 1000 },
} as const;
