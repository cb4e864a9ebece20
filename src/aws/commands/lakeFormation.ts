import {
  GetDataLakeSettingsCommand,
  type GetDataLakeSettingsCommandInput,
  type GetDataLakeSettingsCommandOutput,
  type LakeFormationClient,
  PutDataLakeSettingsCommand,
  type PutDataLakeSettingsCommandInput,
  type PutDataLakeSettingsCommandOutput,
} from '@aws-sdk/client-lakeformation';

/**
 * Lake Formation requests for modules outside `src/aws` that hold a client, one function per operation, so that
 * only `src/aws` loads the SDK. Each sends one request; retries and error naming
 * are the caller's (through its call context, where it has one).
 */

export const getDataLakeSettings = (
  client: LakeFormationClient,
  input: GetDataLakeSettingsCommandInput,
): Promise<GetDataLakeSettingsCommandOutput> => client.send(new GetDataLakeSettingsCommand(input));

export const putDataLakeSettings = (
  client: LakeFormationClient,
  input: PutDataLakeSettingsCommandInput,
): Promise<PutDataLakeSettingsCommandOutput> => client.send(new PutDataLakeSettingsCommand(input));
