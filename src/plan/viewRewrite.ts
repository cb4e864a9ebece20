import type { TableRecord } from '../model/records.ts';

/*
 * Multi-dialect views name the tables they read by ARN (`ViewDefinition.SubObjects`,
 * `arn:aws:glue:us-east-1:111122223333:table/db/t`) and run as their `Definer` (an IAM role). Copied verbatim,
 * both point back into the source Region and account; these rewrite them for the target.
 */

const TABLE_ARN = /^(arn:aws[a-z-]*:glue:)([a-z0-9-]+):(\d{12}):table\/([^/]+)\/(.+)$/;

/** A sub-object ARN taken apart; undefined for a string that is not a Glue table ARN. */
export function parseTableArn(
  arn: string,
): { region: string; account: string; database: string; table: string } | undefined {
  const match = TABLE_ARN.exec(arn);
  if (!match) return undefined;
  const [, , region, account, database, table] = match as unknown as string[];
  return { region: region!, account: account!, database: database!, table: table! };
}

/** What placing a view in the target needs: the two Regions, and the account placement of accountMapping. */
export interface ViewPlacement {
  regions?: { source: string; target: string };
  /** The target account for a source account id, or undefined to keep it (another catalog). */
  account: (accountId: string) => string | undefined;
  /** The principal as the target knows it, or undefined when it cannot be placed (reported). */
  principal: (id: string) => string | undefined;
}

/**
 * The view with its sub-object ARNs moved to the target Region (when they name the source Region) and
 * account (through accountMapping), and its definer mapped like any principal. Undefined when the definer
 * cannot be placed: a view that would run as nobody is reported, never guessed.
 */
export function placeView(record: TableRecord, placement: ViewPlacement): TableRecord | undefined {
  const view = record.input.ViewDefinition;
  if (!view) return record;
  const definer = view.Definer === undefined ? undefined : placement.principal(view.Definer);
  if (view.Definer !== undefined && definer === undefined) return undefined;
  const subObjects = view.SubObjects?.map((arn) => placeTableArn(arn, placement));
  return {
    ...record,
    input: {
      ...record.input,
      ViewDefinition: {
        ...view,
        ...(definer === undefined ? {} : { Definer: definer }),
        ...(subObjects ? { SubObjects: subObjects } : {}),
      },
    },
  };
}

function placeTableArn(arn: string, placement: ViewPlacement): string {
  const parts = TABLE_ARN.exec(arn);
  if (!parts) return arn;
  const [, prefix, region, account, database, table] = parts as unknown as string[];
  const regions = placement.regions;
  const targetRegion = regions && region === regions.source ? regions.target : region;
  const targetAccount = placement.account(account!) ?? account;
  return `${prefix}${targetRegion}:${targetAccount}:table/${database}/${table}`;
}

/** The sub-objects of a view that are tables of the source account, as `{ database, table }`. */
export function viewTables(
  record: TableRecord,
  sourceAccountId?: string,
): Array<{ database: string; table: string }> {
  return (record.input.ViewDefinition?.SubObjects ?? []).flatMap((arn) => {
    const parsed = parseTableArn(arn);
    if (!parsed || (sourceAccountId && parsed.account !== sourceAccountId)) return [];
    return [{ database: parsed.database, table: parsed.table }];
  });
}

/** Whether a table record is a view naming other tables (applied after them, deleted before them). */
export function isViewWithSubObjects(record: TableRecord): boolean {
  return (record.input.ViewDefinition?.SubObjects?.length ?? 0) > 0;
}
