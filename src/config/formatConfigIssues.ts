import type { z } from 'zod';
import { showValue } from './showValue.ts';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** Renders a zod path as a JSON path users can find in their file: `targets[0].s3Mapping["my-bucket"]`. */
export function formatJsonPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * One line per problem, `path: what is wrong; allowed: what is allowed`, so a user fixing a
 * config sees every mistake at once instead of one per run. `allowedKeys` lists the keys an
 * object accepts at a path (for unknown-key errors).
 */
export function formatConfigIssues(
  issues: readonly Issue[],
  allowedKeys: (path: readonly PathKey[]) => string[] | undefined,
): string[] {
  return issues.flatMap((issue) => describeIssue(issue, allowedKeys));
}

function describeIssue(
  issue: Issue,
  allowedKeys: (path: readonly PathKey[]) => string[] | undefined,
): string[] {
  const at = formatJsonPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(issue.path);
      const hint = allowed ? `; allowed: ${allowed.join(', ')}` : '';
      return issue.keys.map((key) => `${formatJsonPath([...issue.path, key])}: unknown key${hint}`);
    }
    case 'invalid_key':
      return issue.issues.map((inner) => `${at} (key): ${inner.message}`);
    case 'invalid_type':
      return issue.input === undefined
        ? [`${at}: is required; allowed: a ${issue.expected}`]
        : [`${at}: got ${describeValue(issue.input)}; allowed: a ${issue.expected}`];
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      const word = issue.code === 'too_big' ? 'at most' : 'at least';
      const unit = issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : '';
      if (!/^Too (big|small)/.test(issue.message)) return [`${at}: ${issue.message}`];
      return [`${at}: got ${describeValue(issue.input)}; allowed: ${word} ${String(bound)}${unit}`];
    }
    case 'invalid_format':
      if (issue.format === 'regex') return [`${at}: ${issue.message}`];
      return [
        `${at}: got ${describeValue(issue.input)}; allowed: ${FORMAT_HINTS[issue.format] ?? `a valid ${issue.format}`}`,
      ];
    case 'invalid_value':
      return [
        `${at}: got ${describeValue(issue.input)}; allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      ];
    default:
      return [`${at}: ${issue.message}`];
  }
}

const FORMAT_HINTS: Record<string, string> = { url: 'an http(s) URL such as http://127.0.0.1:4566' };

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? showValue(value, '"') : (JSON.stringify(value) ?? String(value));
}
