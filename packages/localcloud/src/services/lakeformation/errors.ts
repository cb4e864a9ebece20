import { ServiceError } from '../../service.ts';

/**
 * Lake Formation answers malformed input (missing members, broken constraints) with InvalidInputException:
 * its model declares no ValidationException, so the SDK has no class for one.
 */
export const lfInvalid = (message: string): ServiceError =>
  new ServiceError('InvalidInputException', message, 400);

/** Since 2023 Grant/Revoke/GetResourceLFTags answer one generic message for any missing resource. */
export const lfNotFound = (message = 'Entity not found'): ServiceError =>
  new ServiceError('EntityNotFoundException', message, 400);

/** Reads a required member, answering as Lake Formation does when it is missing. */
export function lfRequired<T>(input: object | undefined, member: string): T {
  const value = (input as Record<string, unknown> | undefined)?.[member];
  if (value === undefined || value === null || value === '') {
    const name = member[0]!.toLowerCase() + member.slice(1);
    throw lfInvalid(
      `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value as T;
}

/** Checks a list member's length constraint (Smithy `@length`), as the service does before anything else. */
export function checkListLength(list: unknown[] | undefined, member: string, max: number, min = 0): void {
  const size = list?.length ?? 0;
  if (list !== undefined && (size < min || size > max)) {
    const name = member[0]!.toLowerCase() + member.slice(1);
    const bound = size > max ? `less than or equal to ${max}` : `greater than or equal to ${min}`;
    throw lfInvalid(
      `1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must have length ${bound}`,
    );
  }
}
