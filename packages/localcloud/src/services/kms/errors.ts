import { ServiceError } from '../../service.ts';

/*
 * KMS answers with the exceptions of its API model (kms-2014-11-01), each a 400 but KMSInternalException.
 * Constraint violations are ValidationException with the Coral-style message other services use too.
 */

export const notFound = (keyId: string): ServiceError =>
  new ServiceError('NotFoundException', `Key '${keyId}' does not exist`);

export const invalidKeyUsage = (message: string): ServiceError =>
  new ServiceError('InvalidKeyUsageException', message);

export const invalidMac = (): ServiceError => new ServiceError('KMSInvalidMacException', '');

export const unsupported = (message: string): ServiceError =>
  new ServiceError('UnsupportedOperationException', message);

export function validation(value: string, path: string, constraint: string): ServiceError {
  return new ServiceError(
    'ValidationException',
    `1 validation error detected: Value '${value}' at '${path}' failed to satisfy constraint: ${constraint}`,
  );
}

/** Rejects a member outside its enum, as the model's `@enum` constraint does. */
export function checkEnum(value: unknown, path: string, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.includes(value))
    throw validation(String(value), path, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
}

/** Rejects a blob member (base64 on the wire) shorter or longer than the model allows. */
export function checkBlob(value: unknown, path: string, min: number, max: number): Buffer {
  if (value === undefined || value === null) {
    throw validation('null', path, 'Member must not be null');
  }
  const bytes = Buffer.from(String(value), 'base64');
  if (bytes.length < min)
    throw validation(
      'java.nio.HeapByteBuffer',
      path,
      `Member must have length greater than or equal to ${min}`,
    );
  if (bytes.length > max)
    throw validation('java.nio.HeapByteBuffer', path, `Member must have length less than or equal to ${max}`);
  return bytes;
}
