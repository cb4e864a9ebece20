import { createAwsClients } from '../aws/clientFactory.ts';
import { iam } from '../aws/clients/iam.ts';
import { GlueCatalogReader } from '../aws/glueCatalogReader.ts';
import type { TargetConfig } from '../config/configSchema.ts';
import { readCatalogRecords } from '../engine/readCatalogRecords.ts';
import type { Runtime } from '../engine/runtime.ts';
import { runFilter } from '../engine/scope.ts';
import { canonicalGrant, mergeGrants } from '../model/canonical.ts';
import type { DatabaseRecord, TableRecord } from '../model/records.ts';
import { createCatalogFilter, isRecordIncluded } from '../plan/filters.ts';
import type { DrillCheck } from '../report/reportTypes.ts';
import { checkGrantPrincipals } from './checks/grantPrincipals.ts';
import { checkResourceLinks, type LinkTarget, linkTargets } from './checks/resourceLinks.ts';
import { checkStorageLocations } from './checks/storageLocations.ts';

/**
 * Could someone use this target after a failover? Its tables' data is in S3, its grants name principals
 * that exist, and its resource links lead somewhere. Reads the target as it is (in the config's scope).
 */
export async function usabilityChecks(runtime: Runtime, target: TargetConfig): Promise<DrillCheck[]> {
  const { config } = runtime;
  const side = await runtime.target(target);
  const role = target.roleArn ? { roleArn: target.roleArn } : undefined;
  const clients = runtime.clients(target.region, role);
  const scope = { filter: runFilter(config), catalog: true, permissions: false };
  const records = await readCatalogRecords(side, scope);
  const databases = records.filter((r): r is DatabaseRecord => r.kind === 'database');
  const tables = records.filter((r): r is TableRecord => r.kind === 'table');
  const filter = createCatalogFilter(scope.filter);
  const grants = mergeGrants((await side.lakeFormation.listPermissions()).map(canonicalGrant)).filter((g) =>
    isRecordIncluded(filter, g),
  );
  const readers = new Map<string, GlueCatalogReader>();
  const readerFor = (region: string, catalogId: string | undefined) => {
    const id = `${region}|${catalogId ?? ''}`;
    let reader = readers.get(id);
    if (!reader) {
      reader = new GlueCatalogReader(runtime.clients(region, role).glue, {
        region,
        concurrency: config.concurrency,
        ...(catalogId ? { catalogId } : {}),
      });
      readers.set(id, reader);
    }
    return reader;
  };
  const resolve = async (link: LinkTarget, region: string) => {
    const reader = readerFor(region, link.catalogId ?? target.catalogId);
    return link.tableName
      ? (await reader.getTable(link.databaseName, link.tableName)) !== undefined
      : (await reader.getDatabase(link.databaseName)) !== undefined;
  };
  runtime.output.phase('drill checks', `${target.region}: S3 locations, IAM principals, resource links`);
  return Promise.all([
    checkStorageLocations(target.region, clients.s3, tables, config.concurrency),
    checkGrantPrincipals(
      target.region,
      side.accountId,
      createAwsClients(runtime.clientOptions(target.region, role), { iam }).iam,
      grants,
      config.concurrency,
    ),
    checkResourceLinks(target.region, linkTargets(databases, tables), resolve),
  ]);
}
