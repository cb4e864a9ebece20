import { compareKeys } from '../model/keys.ts';
import type { DataLakeSettings } from '../model/lfShapes.ts';
import { pruneEmpty, sortedSet } from '../model/prune.ts';
import type { SnapshotRecord } from '../model/records.ts';
import { placeView } from './viewRewrite.ts';

/** `{ regions: { "us-east-1": "us-west-2" }, catalogs: { "<src>": "<dst>" } }`: where resource links point. */
export interface ResourceLinkMapping {
  regions?: Readonly<Record<string, string>>;
  catalogs?: Readonly<Record<string, string>>;
}

/** What rewriting a source record for one target needs to know. */
export interface AccountRewrite {
  sourceAccountId: string;
  targetAccountId: string;
  /** Source account ID → target account ID. */
  accountMapping?: Readonly<Record<string, string>>;
  resourceLinkMapping?: ResourceLinkMapping;
  /** The source and target Regions: view sub-object ARNs of the source Region move to the target's. */
  regions?: { source: string; target: string };
}

/**
 * A record the mapping could not fully place. `record` is what can still be applied with the unplaceable
 * principals left out (settings, database default permissions), or absent when nothing can (a grant, a
 * location whose role cannot be placed).
 */
export interface Unmapped<R extends SnapshotRecord = SnapshotRecord> {
  unmapped: string[];
  record?: R;
}

const ACCOUNT_ID = /^(\d{12})(:IAMPrincipals)?$/;
const IAM_ARN = /^(arn:aws[a-z-]*:iam::)(\d{12})(:.*)$/;

/**
 * Rewrites one source record for a target: principal ARNs and account ids through `accountMapping` when the
 * target is another account, and resource links (TargetDatabase/TargetTable) through `resourceLinkMapping`
 * (then `accountMapping` for their catalog). A principal of an account the mapping does not name cannot be
 * placed in another account: it is reported, never guessed. Pure; the input is never changed.
 */
export function rewriteRecordForTarget<R extends SnapshotRecord>(
  record: R,
  rewrite: AccountRewrite,
): R | Unmapped<R> {
  const unmapped = new Set<string>();
  const principal = (id: string): string | undefined => {
    const mapped = mapPrincipal(id, rewrite);
    if (mapped === undefined) unmapped.add(id);
    return mapped;
  };
  const result = rewriteAny(record, rewrite, principal) as R | undefined;
  if (unmapped.size === 0 && result) return result;
  return { unmapped: [...unmapped].sort(), ...(result ? { record: result } : {}) };
}

/** True for the result of rewriteRecordForTarget that names unplaceable principals. */
export function isUnmapped<R extends SnapshotRecord>(result: R | Unmapped<R>): result is Unmapped<R> {
  return 'unmapped' in result;
}

/**
 * The principal as the target knows it, or undefined when the mapping cannot place it. Principals that
 * name no account (IAM_ALLOWED_PRINCIPALS, organizations, Identity Center) and every principal of a
 * same-account target stay as they are.
 */
export function mapPrincipal(id: string, rewrite: AccountRewrite): string | undefined {
  if (rewrite.sourceAccountId === rewrite.targetAccountId) return id;
  const bare = ACCOUNT_ID.exec(id);
  if (bare) {
    const mapped = rewrite.accountMapping?.[bare[1]!];
    return mapped === undefined ? undefined : `${mapped}${bare[2] ?? ''}`;
  }
  const arn = IAM_ARN.exec(id);
  if (!arn) return id;
  const mapped = rewrite.accountMapping?.[arn[2]!];
  return mapped === undefined ? undefined : `${arn[1]}${mapped}${arn[3]}`;
}

/** The catalog a resource link should point to: resourceLinkMapping first, then accountMapping, else as is. */
export function mapLinkCatalog(catalogId: string, rewrite: AccountRewrite): string {
  const explicit = rewrite.resourceLinkMapping?.catalogs?.[catalogId];
  if (explicit !== undefined) return explicit;
  if (rewrite.sourceAccountId === rewrite.targetAccountId) return catalogId;
  return rewrite.accountMapping?.[catalogId] ?? catalogId;
}

type MapPrincipal = (id: string) => string | undefined;

function rewriteAny(
  record: SnapshotRecord,
  rewrite: AccountRewrite,
  principal: MapPrincipal,
): SnapshotRecord | undefined {
  switch (record.kind) {
    case 'grant':
    case 'optIn': {
      const mapped = principal(record.principal);
      return mapped === undefined ? undefined : { ...record, principal: mapped };
    }
    case 'location': {
      if (record.roleArn === undefined) return record;
      const roleArn = principal(record.roleArn);
      return roleArn === undefined ? undefined : { ...record, roleArn };
    }
    case 'dataLakeSettings':
      return { ...record, settings: rewriteSettings(record.settings, principal) };
    case 'tableOptimizer': {
      // The role the optimizer runs as is the source account's, mapped like any principal.
      const { roleArn } = record.configuration;
      if (roleArn === undefined) return record;
      const mapped = principal(roleArn);
      return mapped === undefined
        ? undefined
        : { ...record, configuration: { ...record.configuration, roleArn: mapped } };
    }
    case 'database': {
      const { TargetDatabase, CreateTableDefaultPermissions } = record.input;
      return {
        ...record,
        input: pruneEmpty({
          ...record.input,
          ...(TargetDatabase ? { TargetDatabase: rewriteLink(TargetDatabase, rewrite) } : {}),
          ...(CreateTableDefaultPermissions
            ? { CreateTableDefaultPermissions: defaults(CreateTableDefaultPermissions, principal) }
            : {}),
        }),
      };
    }
    case 'function': {
      // An owner that is an IAM ARN names the source account; a plain name (e.g. `hadoop`) stays as it is.
      const { OwnerName } = record.input;
      if (OwnerName === undefined) return record;
      const owner = principal(OwnerName);
      return owner === undefined ? undefined : { ...record, input: { ...record.input, OwnerName: owner } };
    }
    case 'table': {
      const { TargetTable } = record.input;
      const linked = TargetTable
        ? { ...record, input: { ...record.input, TargetTable: rewriteLink(TargetTable, rewrite) } }
        : record;
      return placeView(linked, {
        ...(rewrite.regions ? { regions: rewrite.regions } : {}),
        account: (id) =>
          rewrite.sourceAccountId === rewrite.targetAccountId ? id : rewrite.accountMapping?.[id],
        principal,
      });
    }
    default:
      return record;
  }
}

function rewriteLink<T extends { CatalogId?: string; Region?: string }>(link: T, rewrite: AccountRewrite): T {
  const region = link.Region === undefined ? undefined : rewrite.resourceLinkMapping?.regions?.[link.Region];
  return {
    ...link,
    ...(link.CatalogId === undefined ? {} : { CatalogId: mapLinkCatalog(link.CatalogId, rewrite) }),
    ...(region === undefined ? {} : { Region: region }),
  };
}

type Principal = { DataLakePrincipalIdentifier: string };
type PrincipalPermissions = { Principal: Principal; Permissions?: string[] | undefined };

/** Mapped, de-duplicated and sorted again: a mapping may change the order of a canonical (sorted) list. */
function principals(list: readonly Principal[], principal: MapPrincipal): Principal[] {
  const ids = list.flatMap((p) => principal(p.DataLakePrincipalIdentifier) ?? []);
  return sortedSet(ids).map((id) => ({ DataLakePrincipalIdentifier: id }));
}

function defaults<T extends PrincipalPermissions>(list: readonly T[], principal: MapPrincipal): T[] {
  return list
    .flatMap((entry) => {
      const id = principal(entry.Principal.DataLakePrincipalIdentifier);
      return id === undefined ? [] : [{ ...entry, Principal: { DataLakePrincipalIdentifier: id } }];
    })
    .sort((a, b) =>
      compareKeys(a.Principal.DataLakePrincipalIdentifier, b.Principal.DataLakePrincipalIdentifier),
    );
}

function rewriteSettings(settings: DataLakeSettings, principal: MapPrincipal): DataLakeSettings {
  const s = settings;
  const ids = (list: readonly string[]) => sortedSet(list.flatMap((id) => principal(id) ?? []));
  return pruneEmpty({
    ...s,
    ...(s.DataLakeAdmins ? { DataLakeAdmins: principals(s.DataLakeAdmins, principal) } : {}),
    ...(s.ReadOnlyAdmins ? { ReadOnlyAdmins: principals(s.ReadOnlyAdmins, principal) } : {}),
    ...(s.CreateDatabaseDefaultPermissions
      ? { CreateDatabaseDefaultPermissions: defaults(s.CreateDatabaseDefaultPermissions, principal) }
      : {}),
    ...(s.CreateTableDefaultPermissions
      ? { CreateTableDefaultPermissions: defaults(s.CreateTableDefaultPermissions, principal) }
      : {}),
    ...(s.TrustedResourceOwners ? { TrustedResourceOwners: ids(s.TrustedResourceOwners) } : {}),
    ...(s.ExternalDataFilteringAllowList
      ? { ExternalDataFilteringAllowList: principals(s.ExternalDataFilteringAllowList, principal) }
      : {}),
  });
}
