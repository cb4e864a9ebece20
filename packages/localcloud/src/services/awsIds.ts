import { randomInt } from 'node:crypto';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const UPPER_DIGITS = `${UPPER}234567`;

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/**
 * An IAM unique id (`AROA…` for roles, `AIDA…` for users): the prefix plus 17 characters, as IAM issues.
 * Letters and the digits 2–7 only, so the id never contains a 12-digit run that could read as an account.
 */
export function iamUniqueId(prefix: 'AROA' | 'AIDA'): string {
  return prefix + randomFrom(UPPER_DIGITS, 17);
}

/**
 * A temporary access key `ASIA<account><4 letters>` (20 characters, like STS's): the local cloud maps a key
 * with a 12-digit run to that account (accounts.ts), so calls made with it land in the role's account.
 */
export function temporaryAccessKeyId(accountId: string): string {
  return `ASIA${accountId}${randomFrom(UPPER, 4)}`;
}

/** A secret or session token: random characters of the given length. */
export function randomSecret(length: number): string {
  return randomFrom(`${UPPER}abcdefghijklmnopqrstuvwxyz0123456789+/`, length);
}

/** IAM and STS timestamps: ISO 8601 without milliseconds, as they answer. */
export function isoSeconds(epochSeconds: number): string {
  return `${new Date(Math.floor(epochSeconds) * 1000).toISOString().slice(0, 19)}Z`;
}
