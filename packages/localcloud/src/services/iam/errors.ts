import { ServiceError } from '../../service.ts';

/** IAM's error codes and HTTP statuses (awsQuery `<Code>`), as the SDK maps them to its exception classes. */
export const noSuchEntity = (message: string) => new ServiceError('NoSuchEntity', message, 404);
export const entityAlreadyExists = (message: string) => new ServiceError('EntityAlreadyExists', message, 409);
export const validationError = (message: string) => new ServiceError('ValidationError', message, 400);
export const malformedPolicy = (message: string) => new ServiceError('MalformedPolicyDocument', message, 400);

const NAME = /^[\w+=,.@-]{1,64}$/;
const PATH = /^\/(?:[\u0021-\u007E]*\/)?$/;

/** Checks a RoleName or UserName member, answering IAM's validation error. */
export function checkName(member: 'roleName' | 'userName', value: string): string {
  if (!NAME.test(value)) {
    throw validationError(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [\\w+=,.@-]+',
    );
  }
  return value;
}

/** Checks a Path member (default `/`; must begin and end with `/`). */
export function checkPath(value: string | undefined): string {
  const path = value ?? '/';
  if (!PATH.test(path) || path.length > 512) {
    throw validationError(
      `1 validation error detected: Value '${path}' at 'path' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F)',
    );
  }
  return path;
}

/** Reads MaxItems (1..1000, default 100). */
export function maxItemsOf(value: string | undefined): number {
  if (value === undefined) return 100;
  const max = Number(value);
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw validationError(
      `1 validation error detected: Value '${value}' at 'maxItems' failed to satisfy constraint: ` +
        'Member must have value between 1 and 1000',
    );
  }
  return max;
}
