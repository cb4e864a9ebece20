import { ServiceError } from '../../service.ts';

/*
 * EventBridge answers with the exceptions of its API model (eventbridge-2015-10-07): ResourceNotFoundException,
 * ManagedRuleException, InvalidEventPatternException, LimitExceededException (400), InternalException (500).
 * Constraint violations are ValidationException with the Coral-style message other services use too.
 */

export const ruleNotFound = (name: string, bus: string): ServiceError =>
  new ServiceError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus ${bus}.`);

export const busNotFound = (bus: string): ServiceError =>
  new ServiceError('ResourceNotFoundException', `Event bus ${bus} does not exist.`);

export const validation = (message: string): ServiceError => new ServiceError('ValidationException', message);

export function constraint(value: unknown, path: string, rule: string): ServiceError {
  return validation(
    `1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: ${rule}`,
  );
}

export const invalidPattern = (reason: string): ServiceError =>
  new ServiceError('InvalidEventPatternException', `Event pattern is not valid. Reason: ${reason}`);

/** A string member within the model's length and pattern (absent members pass; `required` checks those). */
export function checkString(
  value: unknown,
  path: string,
  limits: { min?: number; max: number; pattern?: RegExp },
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  if (text.length < (limits.min ?? 0))
    throw constraint(text, path, `Member must have length greater than or equal to ${limits.min}`);
  if (text.length > limits.max)
    throw constraint(text, path, `Member must have length less than or equal to ${limits.max}`);
  if (limits.pattern && !limits.pattern.test(text))
    throw constraint(text, path, `Member must satisfy regular expression pattern: ${limits.pattern.source}`);
  return text;
}
