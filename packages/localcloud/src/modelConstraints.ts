import type { OperationSpec } from './service.ts';

/*
 * Request validation as the AWS front end (Coral) does it from a service's API model, before the operation runs:
 * every member whose shape carries @length, @pattern or an enum is checked, and all violations are answered in
 * one error, e.g. `1 validation error detected: Value 'x…' at 'tableInput.description' failed to satisfy
 * constraint: Member must have length less than or equal to 2048`. Lists are addressed as `columns.1.member`.
 */

/** Checks one member at `path`, adding the violations it finds. */
export type Constraint = (value: unknown, path: string, errors: string[]) => void;

/** The model's single-line string pattern (NameString, KeyString, CommentString, FormatString…). */
export const SINGLE_LINE_PATTERN = '[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*';
/** The multi-line pattern (DescriptionString, URI, LocationString, PredicateString). */
export const MULTI_LINE_PATTERN = '[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*';
const SINGLE_LINE = /^[\t\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const MULTI_LINE = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Long values are cut in messages (Coral prints them whole; a 30 MB description would flood the log). */
function rendered(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 128 ? `${text.slice(0, 128)}...` : text;
}

function violation(errors: string[], value: unknown, path: string, constraint: string): void {
  errors.push(`Value '${rendered(value)}' at '${path}' failed to satisfy constraint: ${constraint}`);
}

/** A string shape: length `min`..`max`, and a pattern (the model's text, and the same rule as a JS RegExp). */
export function stringShape(
  min: number,
  max: number,
  pattern?: 'single' | 'multi' | { text: string; regex: RegExp },
): Constraint {
  return (value, path, errors) => {
    if (typeof value !== 'string') return;
    if (value.length < min)
      violation(errors, value, path, `Member must have length greater than or equal to ${min}`);
    if (value.length > max)
      violation(errors, value, path, `Member must have length less than or equal to ${max}`);
    const rule =
      pattern === 'single'
        ? { text: SINGLE_LINE_PATTERN, regex: SINGLE_LINE }
        : pattern === 'multi'
          ? { text: MULTI_LINE_PATTERN, regex: MULTI_LINE }
          : pattern;
    if (rule && !rule.regex.test(value))
      violation(errors, value, path, `Member must satisfy regular expression pattern: ${rule.text}`);
  };
}

/** A structure: its constrained members, addressed `path.member` with the member's first letter lowercased. */
export function structure(members: Record<string, Constraint>): Constraint {
  return (value, path, errors) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [name, check] of Object.entries(members)) {
      const member = (value as Record<string, unknown>)[name];
      if (member === undefined || member === null) continue;
      const memberPath = `${path ? `${path}.` : ''}${name[0]!.toLowerCase()}${name.slice(1)}`;
      check(member, memberPath, errors);
    }
  };
}

/** A list whose items have shape `item`; with `min`/`max`, the list's own length too. */
export function list(item: Constraint, bounds: { min?: number; max?: number } = {}): Constraint {
  return (value, path, errors) => {
    if (!Array.isArray(value)) return;
    if (bounds.min !== undefined && value.length < bounds.min)
      violation(errors, value, path, `Member must have length greater than or equal to ${bounds.min}`);
    if (bounds.max !== undefined && value.length > bounds.max)
      violation(errors, value, path, `Member must have length less than or equal to ${bounds.max}`);
    for (const [i, entry] of value.entries()) item(entry, `${path}.${i + 1}.member`, errors);
  };
}

/** A map with `key` and `value` shapes (ParametersMap). */
export function map(key: Constraint, value: Constraint): Constraint {
  return (input, path, errors) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return;
    for (const [k, v] of Object.entries(input)) {
      const keyErrors: string[] = [];
      key(k, path, keyErrors);
      for (const e of keyErrors)
        errors.push(
          e.replace(': Member must', ': Map keys must satisfy constraint: [Member must').concat(']'),
        );
      const valueErrors: string[] = [];
      value(v, `${path}.${k}`, valueErrors);
      errors.push(...valueErrors);
    }
  };
}

/** An enum shape. */
export function enumShape(values: readonly string[]): Constraint {
  return (value, path, errors) => {
    if (typeof value === 'string' && !values.includes(value))
      violation(errors, value, path, `Member must satisfy enum value set: [${values.join(', ')}]`);
  };
}

/**
 * Wraps each operation that has a request constraint: the request is checked first, and any violations are
 * answered with `toError(message)` (ValidationException for Glue, InvalidInputException for Lake Formation).
 */
export function withRequestConstraints(
  operations: Record<string, OperationSpec>,
  constraints: Record<string, Constraint>,
  toError: (message: string) => Error,
): Record<string, OperationSpec> {
  const checked: Record<string, OperationSpec> = {};
  for (const [name, spec] of Object.entries(operations)) {
    const constraint = constraints[name];
    checked[name] = !constraint
      ? spec
      : {
          ...spec,
          handler: (input, ctx) => {
            const errors: string[] = [];
            constraint(input, '', errors);
            if (errors.length > 0) {
              const count = `${errors.length} validation error${errors.length === 1 ? '' : 's'} detected: `;
              throw toError(count + errors.join('; '));
            }
            return spec.handler(input, ctx);
          },
        };
  }
  return checked;
}
