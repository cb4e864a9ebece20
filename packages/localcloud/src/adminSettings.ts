/**
 * Checks a change to a settings object posted to the admin API against the settings' own defaults: every
 * key must be one the settings have, and its value of the same type (numbers finite and ≥ 0, fractions ≤ 1,
 * maps of numbers, lists of strings). A wrong value is refused with a message naming the key, instead of being stored and
 * breaking every later call.
 */
export function checkSettingsChange<T extends object>(
  change: Record<string, unknown>,
  defaults: T,
  fractions: ReadonlyArray<keyof T> = [],
): Partial<T> {
  for (const [key, value] of Object.entries(change)) {
    if (!Object.hasOwn(defaults, key))
      throw new Error(`unknown setting ${key}; known: ${Object.keys(defaults).join(', ')}`);
    const wanted = (defaults as Record<string, unknown>)[key];
    if (typeof wanted === 'number') checkNumber(key, value, fractions.includes(key as keyof T));
    else if (Array.isArray(wanted)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        throw new Error(`${key} must be a list of strings, got ${show(value)}`);
    } else if (typeof wanted === 'boolean') {
      if (typeof value !== 'boolean') throw new Error(`${key} must be true or false, got ${show(value)}`);
    } else if (typeof wanted === 'object' && wanted !== null) {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Error(`${key} must be an object of numbers, got ${show(value)}`);
      for (const [inner, n] of Object.entries(value)) checkNumber(`${key}.${inner}`, n, false);
    }
  }
  return change as Partial<T>;
}

function checkNumber(key: string, value: unknown, fraction: boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new Error(`${key} must be a number ≥ 0, got ${show(value)}`);
  if (fraction && value > 1) throw new Error(`${key} must be between 0 and 1, got ${show(value)}`);
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);
