import {
  CreateLakeFormationOptInCommand,
  DeleteLakeFormationOptInCommand,
  ListLakeFormationOptInsCommand,
  type Resource,
} from '@aws-sdk/client-lakeformation';
import type { TestClients } from './localCloud.ts';

export const onTable = (DatabaseName: string, Name: string): Resource => ({ Table: { DatabaseName, Name } });
export const onDatabase = (Name: string): Resource => ({ Database: { Name } });

/** Every opt-in as `principal|resource JSON|condition` (CatalogIds dropped), sorted: what a user would compare. */
export async function optInsOf(clients: TestClients): Promise<string[]> {
  const { LakeFormationOptInsInfoList } = await clients.lakeFormation.send(
    new ListLakeFormationOptInsCommand({ MaxResults: 1000 }),
  );
  return (LakeFormationOptInsInfoList ?? [])
    .map(
      (o) =>
        `${o.Principal?.DataLakePrincipalIdentifier}|${JSON.stringify(o.Resource, (k, v) =>
          k === 'CatalogId' ? undefined : v,
        )}|${o.Condition?.Expression ?? ''}`,
    )
    .sort();
}

export const optIn = (clients: TestClients, principal: string, resource: Resource, condition?: string) =>
  clients.lakeFormation.send(
    new CreateLakeFormationOptInCommand({
      Principal: { DataLakePrincipalIdentifier: principal },
      Resource: resource,
      ...(condition ? { Condition: { Expression: condition } } : {}),
    }),
  );

export const optOut = (clients: TestClients, principal: string, resource: Resource) =>
  clients.lakeFormation.send(
    new DeleteLakeFormationOptInCommand({
      Principal: { DataLakePrincipalIdentifier: principal },
      Resource: resource,
    }),
  );
