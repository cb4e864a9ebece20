import { tableKey } from './keys.ts';

/*
 * A partition's snapshot line is its record with keys sorted (formatRecordLine): it begins with
 * `{"databaseName":…,` and, `kind` and `tableName` being the last two top-level keys, ends with
 * `,"kind":"partition","tableName":…}`. A string value holds its quotes escaped, so that ending cannot come
 * from inside one; a record of another kind ends otherwise.
 */
const START = /^\{"databaseName":("(?:[^"\\]|\\.)*"),/;
const END_MARKER = ',"kind":"partition","tableName":';

/**
 * The table key of a partition's snapshot line (without its trailing comma), read off the line's two ends
 * without parsing the rest; undefined when the line is not in that shape (another kind, or a partition
 * record with more top-level keys), which the caller then parses.
 */
export function partitionLineTable(line: string): string | undefined {
  const at = line.lastIndexOf(END_MARKER);
  if (at < 0 || !line.endsWith('"}')) return undefined;
  const start = START.exec(line);
  if (!start) return undefined;
  const table = jsonString(line.slice(at + END_MARKER.length, -1));
  const database = jsonString(start[1]!);
  return table === undefined || database === undefined ? undefined : tableKey(database, table);
}

/** The string a JSON string literal holds; undefined when `text` is anything else. */
function jsonString(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
