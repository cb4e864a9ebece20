import type { z } from 'zod';

const MAX_NAME = 60;
const MAX_ISSUES = 3;

const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '?');
  const oneLine = JSON.stringify(text).slice(1, -1);
  return oneLine.length > MAX_NAME ? `${oneLine.slice(0, MAX_NAME)}…(${text.length} chars)` : oneLine;
};

/**
 * The key of a record that failed its schema, as far as the raw JSON tells it (names shortened and escaped: the
 * name itself may be what is wrong, 10,000 characters or a line break). E.g. `table sales.orders`.
 */
export function rawRecordKey(json: unknown): string {
  const r = (json ?? {}) as Record<string, any>;
  const kind = typeof r.kind === 'string' ? r.kind : 'record';
  switch (kind) {
    case 'database':
      return `database ${shown(r.input?.Name)}`;
    case 'table':
      return `table ${shown(r.databaseName)}.${shown(r.input?.Name)}`;
    case 'partition':
      return `partition ${shown(r.databaseName)}.${shown(r.tableName)} ${shown(r.input?.Values)}`;
    case 'grant':
      return `grant to ${shown(r.principal)}`;
    case 'lfTag':
      return `lfTag ${shown(r.key)}`;
    case 'dataCellsFilter':
      return `dataCellsFilter ${shown(r.filter?.DatabaseName)}.${shown(r.filter?.TableName)}.${shown(r.filter?.Name)}`;
    case 'location':
      return `location ${shown(r.resourceArn)}`;
    case 'optIn':
      return `optIn of ${shown(r.principal)}`;
    case 'catalog':
      return `catalog ${shown(r.name)}`;
    default:
      return kind;
  }
}

/** `field <path>: <limit>` for the first few issues, e.g. `field input.Description: 30000 characters, more than the 2048 of Glue DescriptionString`. */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${shown(String(p))}`))
      .join('')
      .replace(/^\./, '');
    // A map key over its limit: zod reports "Invalid key in record" and nests the key's own issue.
    const nested = issue.code === 'invalid_key' ? issue.issues[0] : undefined;
    if (nested)
      return `field ${path.replace(/\.[^.]*$/, '')} key ${JSON.stringify(path.split('.').pop())}: ${nested.message}`;
    return `field ${path || '(record)'}: ${issue.message}`;
  });
  const more = error.issues.length - MAX_ISSUES;
  return more > 0 ? `${parts.join('; ')}; and ${more} more` : parts.join('; ');
}
