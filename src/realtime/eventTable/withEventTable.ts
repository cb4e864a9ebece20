import { LakemirrorError } from '../../model/errors.ts';
import type { CreateEventTableResult } from './createEventTable.ts';

const isMissingTable = (error: unknown) => (error as Error)?.name === 'ResourceNotFoundException';
const isDenied = (error: unknown) => /AccessDenied|UnauthorizedOperation/.test((error as Error)?.name ?? '');

/**
 * Runs `body`; when the event table does not exist, creates it and runs `body` once more. Without the
 * permission to create it, the error names the table and the two ways to create it.
 */
export async function withEventTable<T>(
  where: { table: string; region: string },
  create: () => Promise<CreateEventTableResult>,
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (!isMissingTable(error)) throw error;
  }
  try {
    await create();
  } catch (error) {
    throw new LakemirrorError({
      code: isDenied(error) ? 'realtime.eventTableDenied' : 'realtime.eventTableMissing',
      source: isDenied(error) ? 'user' : 'aws',
      object: `DynamoDB table ${where.table} in ${where.region}`,
      message: `The event table ${where.table} does not exist in ${where.region} and could not be created: ${(error as Error).message}`,
      fix: `deploy the CDK app (infra/, stack Lakemirror-Realtime), or run 'lakemirror realtime init --config FILE' with credentials allowed dynamodb:CreateTable`,
      cause: error,
    });
  }
  return body();
}
