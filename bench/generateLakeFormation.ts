import { defaultDataLakeSettings } from '@lakemirror/localcloud';
import type { DatabaseSpec, TableSpec } from './generateLake.ts';
import { columnsOf, LAKE_EPOCH } from './lakeCatalog.ts';
import type { LakeParams } from './lakeSizes.ts';
import { deriveSeed, intBetween, mulberry32, pick, type Random, sample } from './prng.ts';

type Resource = Record<string, any>;
type TagPair = { TagKey: string; TagValues: string[] };

/** Lake Formation state in request shapes (resources without CatalogId; the loader normalizes them). */
export interface GeneratedLakeFormation {
  settings: Record<string, any>;
  locations: Array<{ ResourceArn: string; RoleArn: string }>;
  lfTags: TagPair[];
  assignments: Array<{ resource: Resource; tags: TagPair[] }>;
  filters: Array<Record<string, any>>;
  grants: Array<{ principal: string; resource: Resource; permissions: string[]; grantable: string[] }>;
}

const TAG_KEYS = ['domain', 'sensitivity', 'owner', 'tier', 'retention', 'pii', 'cost_center', 'geo'];
const ACCOUNT_ROLE = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

export function buildLakeFormation(
  params: LakeParams,
  databases: readonly DatabaseSpec[],
  tables: readonly TableSpec[],
  seed: number,
): GeneratedLakeFormation {
  const random = mulberry32(deriveSeed(seed, 'lakeformation'));
  const lfTags: TagPair[] = Array.from({ length: params.lfTags }, (_, i) => ({
    TagKey: TAG_KEYS[i] ?? `tag_${String(i).padStart(2, '0')}`,
    TagValues: Array.from({ length: intBetween(random, 3, 8) }, (_, v) => `v${v}`),
  }));
  const buckets = [...new Set(databases.map((db) => db.location.split('/')[2]!))];
  const locations = Array.from({ length: params.locations }, (_, i) => ({
    ResourceArn: `arn:aws:s3:::${buckets[i % buckets.length]}${i < buckets.length ? '' : `/extra-${i}`}`,
    RoleArn: ACCOUNT_ROLE('lf-data-access'),
  }));
  const filters = buildFilters(random, params.dataCellsFilters, tables);
  return {
    // A new Region's defaults, in Lake Formation mode (no IAMAllowedPrincipals defaults), with admins.
    settings: {
      ...defaultDataLakeSettings(),
      DataLakeAdmins: [{ DataLakePrincipalIdentifier: ACCOUNT_ROLE('lake-admin') }],
      ReadOnlyAdmins: [{ DataLakePrincipalIdentifier: ACCOUNT_ROLE('auditor') }],
      CreateDatabaseDefaultPermissions: [],
      CreateTableDefaultPermissions: [],
    },
    locations,
    lfTags,
    assignments: buildAssignments(random, params.lfTagAssignments, lfTags, databases, tables),
    filters,
    grants: buildGrants(random, params, databases, tables, { lfTags, filters, locations }),
  };
}

function buildFilters(random: Random, count: number, tables: readonly TableSpec[]) {
  const candidates = tables.filter((t) => t.columns >= 2);
  return sample(random, candidates, Math.min(count, candidates.length)).map((table, i) => ({
    TableCatalogId: '123456789012',
    DatabaseName: table.database,
    TableName: table.name,
    Name: `rows_${i}`,
    RowFilter: { FilterExpression: `country = 'c${i % 20}'` },
    ColumnNames: sample(random, columnsOf(table), 2)
      .map((c) => c.Name)
      .sort(),
    VersionId: `v-${LAKE_EPOCH}-${i}`,
  }));
}

/** Databases first (one tag each), then tables (1–2 tags), then single columns (1 tag): `count` entries. */
function buildAssignments(
  random: Random,
  count: number,
  tags: readonly TagPair[],
  databases: readonly DatabaseSpec[],
  tables: readonly TableSpec[],
): GeneratedLakeFormation['assignments'] {
  if (tags.length === 0 || count === 0) return [];
  const pickTags = (n: number): TagPair[] =>
    sample(random, tags, Math.min(n, tags.length)).map((t) => ({
      TagKey: t.TagKey,
      TagValues: [pick(random, t.TagValues)],
    }));
  const out: GeneratedLakeFormation['assignments'] = [];
  for (const db of databases.slice(0, Math.min(databases.length, Math.ceil(count / 4)))) {
    out.push({ resource: { Database: { Name: db.name } }, tags: pickTags(1) });
  }
  const tableCount = Math.min(tables.length, Math.ceil(((count - out.length) * 2) / 3));
  for (const t of sample(random, tables, tableCount)) {
    out.push({
      resource: { Table: { DatabaseName: t.database, Name: t.name } },
      tags: pickTags(1 + (random() < 0.3 ? 1 : 0)),
    });
  }
  const seen = new Set<string>();
  for (let guard = 0; out.length < count && guard < count * 20; guard++) {
    const t = pick(random, tables);
    const column = pick(random, columnsOf(t)).Name;
    const id = `${t.database}.${t.name}.${column}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({
      resource: { TableWithColumns: { DatabaseName: t.database, Name: t.name, ColumnNames: [column] } },
      tags: pickTags(1),
    });
  }
  return out;
}

function buildGrants(
  random: Random,
  params: LakeParams,
  databases: readonly DatabaseSpec[],
  tables: readonly TableSpec[],
  lf: Pick<GeneratedLakeFormation, 'lfTags' | 'filters' | 'locations'>,
): GeneratedLakeFormation['grants'] {
  const principals = Array.from({ length: params.principals }, (_, i) => ACCOUNT_ROLE(`analyst-${i}`));
  const make = (): { resource: Resource; permissions: string[]; grantable?: string[] } | undefined => {
    const roll = random();
    const db = pick(random, databases);
    const table = pick(random, tables);
    if (roll < 0.15)
      return { resource: { Database: { Name: db.name } }, permissions: ['CREATE_TABLE', 'DESCRIBE'] };
    if (roll < 0.55)
      return {
        resource: { Table: { DatabaseName: table.database, Name: table.name } },
        permissions: random() < 0.2 ? ['ALTER', 'DESCRIBE', 'SELECT'] : ['DESCRIBE', 'SELECT'],
        grantable: random() < 0.1 ? ['SELECT'] : [],
      };
    if (roll < 0.72) {
      const names = sample(random, columnsOf(table), Math.min(table.columns, intBetween(random, 1, 4)));
      return {
        resource: {
          TableWithColumns: {
            DatabaseName: table.database,
            Name: table.name,
            ColumnNames: names.map((c) => c.Name).sort(),
          },
        },
        permissions: ['SELECT'],
      };
    }
    if (roll < 0.8)
      return {
        resource: { Table: { DatabaseName: db.name, TableWildcard: {} } },
        permissions: ['DESCRIBE', 'SELECT'],
      };
    if (roll < 0.85 && lf.filters.length > 0) {
      const f = pick(random, lf.filters);
      return {
        resource: {
          DataCellsFilter: {
            TableCatalogId: '123456789012',
            DatabaseName: f.DatabaseName,
            TableName: f.TableName,
            Name: f.Name,
          },
        },
        permissions: ['DESCRIBE', 'SELECT'],
      };
    }
    if (roll < 0.95 && lf.lfTags.length > 0) {
      const tag = pick(random, lf.lfTags);
      return {
        resource: {
          LFTagPolicy: {
            ResourceType: random() < 0.5 ? 'TABLE' : 'DATABASE',
            Expression: [{ TagKey: tag.TagKey, TagValues: [pick(random, tag.TagValues)] }],
          },
        },
        permissions: ['DESCRIBE'],
      };
    }
    if (roll < 0.98 && lf.lfTags.length > 0) {
      const tag = pick(random, lf.lfTags);
      return {
        resource: { LFTag: { TagKey: tag.TagKey, TagValues: [pick(random, tag.TagValues)] } },
        permissions: ['ASSOCIATE', 'DESCRIBE'],
      };
    }
    if (lf.locations.length === 0) return undefined;
    return {
      resource: { DataLocation: { ResourceArn: pick(random, lf.locations).ResourceArn } },
      permissions: ['DATA_LOCATION_ACCESS'],
    };
  };
  const seen = new Set<string>();
  const grants: GeneratedLakeFormation['grants'] = [];
  for (let guard = 0; grants.length < params.grants && guard < params.grants * 50; guard++) {
    const grant = make();
    if (!grant) continue;
    const principal = pick(random, principals);
    const id = `${principal}|${JSON.stringify(grant.resource)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    grants.push({
      principal,
      resource: grant.resource,
      permissions: grant.permissions,
      grantable: grant.grantable ?? [],
    });
  }
  return grants;
}
