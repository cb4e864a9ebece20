import { alreadyExists, type OperationSpec, type RequestContext, required } from '../../service.ts';
import { forgetCatalogObject, grantCreateDefaults, lakeFormationStateOf } from '../lakeformation/state.ts';
import { callerArn } from '../sts/sessions.ts';
import { catalogOf, compact, glueName, glueOf, requireDatabase } from './catalog.ts';
import { pageOf } from './paging.ts';
import { pageSize } from './validation.ts';

type Input = Record<string, any>;

/** The Database structure GetDatabase answers, built from a DatabaseInput plus the server-managed members. */
function databaseFromInput(input: Input, server: Input): Record<string, any> {
  return compact({
    Name: server.Name,
    Description: input.Description,
    LocationUri: input.LocationUri,
    Parameters: input.Parameters,
    CreateTime: server.CreateTime,
    CreateTableDefaultPermissions:
      input.CreateTableDefaultPermissions ?? server.CreateTableDefaultPermissions,
    TargetDatabase: input.TargetDatabase,
    CatalogId: server.CatalogId,
    FederatedDatabase: input.FederatedDatabase,
  });
}

/**
 * CreateDatabase. Without CreateTableDefaultPermissions the database takes the data lake settings' ones (as the
 * real service does), and Lake Formation grants the settings' CreateDatabaseDefaultPermissions on it.
 */
function createDatabase(input: Input, ctx: RequestContext): object {
  const catalogId = catalogOf(input, ctx);
  const databaseInput = required<Input>(input, 'DatabaseInput');
  const name = glueName(required<string>(databaseInput, 'Name'));
  const glue = glueOf(ctx);
  if (glue.databases[name]) throw alreadyExists(`Database ${name} already exists.`);
  const settings = lakeFormationStateOf(ctx.regionState).settings;
  const database = databaseFromInput(databaseInput, {
    Name: name,
    CreateTime: ctx.now,
    CatalogId: catalogId,
    CreateTableDefaultPermissions: structuredClone(settings.CreateTableDefaultPermissions ?? []),
  });
  glue.databases[name] = { database, tables: {} };
  grantCreateDefaults(
    ctx.regionState,
    settings.CreateDatabaseDefaultPermissions ?? [],
    { Database: { CatalogId: catalogId, Name: name } },
    ctx.now,
    callerArn(ctx),
  );
  return {};
}

function getDatabase(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  return { Database: requireDatabase(ctx, required<string>(input, 'Name')).database };
}

/** GetDatabases pages in name order; ResourceShareType and AttributesToGet are accepted and ignored. */
function getDatabases(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  const size = pageSize(input, 100);
  const { databases } = glueOf(ctx);
  const page = pageOf(
    Object.keys(databases).sort(),
    input.NextToken,
    size,
    (name) => databases[name]!.database,
  );
  return { DatabaseList: page.items, NextToken: page.nextToken };
}

/** UpdateDatabase replaces the definition; the name, CreateTime and (unless given) table defaults are kept. */
function updateDatabase(input: Input, ctx: RequestContext): object {
  const catalogId = catalogOf(input, ctx);
  const stored = requireDatabase(ctx, required<string>(input, 'Name'));
  const databaseInput = required<Input>(input, 'DatabaseInput');
  const current = stored.database;
  stored.database = databaseFromInput(databaseInput, {
    Name: current.Name,
    CreateTime: current.CreateTime,
    CatalogId: catalogId,
    CreateTableDefaultPermissions: current.CreateTableDefaultPermissions,
  });
  return {};
}

/** DeleteDatabase removes its tables and partitions, and Lake Formation forgets what hung on them. */
function deleteDatabase(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  const name = required<string>(input, 'Name');
  requireDatabase(ctx, name);
  delete glueOf(ctx).databases[glueName(name)];
  forgetCatalogObject(ctx.regionState, glueName(name));
  return {};
}

export const databaseOperations: Record<string, OperationSpec> = {
  CreateDatabase: { readOnly: false, handler: createDatabase },
  GetDatabase: { readOnly: true, handler: getDatabase },
  GetDatabases: { readOnly: true, handler: getDatabases },
  UpdateDatabase: { readOnly: false, handler: updateDatabase },
  DeleteDatabase: { readOnly: false, handler: deleteDatabase },
};
