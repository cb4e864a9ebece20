import {
  alreadyExists,
  entityNotFound,
  invalidInput,
  type OperationSpec,
  type RequestContext,
  required,
} from '../../service.ts';
import { catalogOf, compact, glueName, glueOf, requireDatabase } from './catalog.ts';
import { pageOf } from './paging.ts';
import { pageSize } from './validation.ts';

type Input = Record<string, any>;

/** The UserDefinedFunction GetUserDefinedFunction answers, from a UserDefinedFunctionInput. */
function functionFromInput(input: Input, databaseName: string, catalogId: string, created: number) {
  return compact({
    FunctionName: glueName(required<string>(input, 'FunctionName')),
    DatabaseName: databaseName,
    ClassName: input.ClassName,
    OwnerName: input.OwnerName,
    OwnerType: input.OwnerType,
    FunctionType: input.FunctionType,
    CreateTime: created,
    ResourceUris: input.ResourceUris ?? [],
    CatalogId: catalogId,
  });
}

function functionsOf(input: Input, ctx: RequestContext) {
  catalogOf(input, ctx);
  const database = requireDatabase(ctx, required(input, 'DatabaseName'));
  database.functions ??= {};
  return { database, functions: database.functions };
}

const notFound = (name: string) => entityNotFound(`Function ${name} not found.`);

/** A GetUserDefinedFunctions Pattern: `*` is any run of characters, `|` separates alternatives. */
function patternMatcher(pattern: string): (name: string) => boolean {
  try {
    const body = pattern
      .split('|')
      .map((part) => part.replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*'))
      .join('|');
    const regex = new RegExp(`^(?:${body})$`, 'i');
    return (name) => regex.test(name);
  } catch {
    throw invalidInput(`Invalid pattern: ${pattern}`);
  }
}

/** Every function of one database, or of all databases when DatabaseName is absent. */
function listFunctions(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  const size = pageSize(input, 100);
  const matches = patternMatcher(required<string>(input, 'Pattern'));
  const databases =
    input.DatabaseName === undefined
      ? Object.values(glueOf(ctx).databases)
      : [requireDatabase(ctx, input.DatabaseName)];
  const byKey = new Map<string, Record<string, any>>();
  for (const database of databases)
    for (const [name, fn] of Object.entries(database.functions ?? {}))
      if (matches(name)) byKey.set(`${database.database.Name}\u0000${name}`, fn);
  const page = pageOf([...byKey.keys()].sort(), input.NextToken, size, (key) => byKey.get(key));
  return { UserDefinedFunctions: page.items, NextToken: page.nextToken };
}

export const userDefinedFunctionOperations: Record<string, OperationSpec> = {
  CreateUserDefinedFunction: {
    readOnly: false,
    handler: (input: Input, ctx) => {
      const { database, functions } = functionsOf(input, ctx);
      const fn = functionFromInput(
        required<Input>(input, 'FunctionInput'),
        database.database.Name,
        catalogOf(input, ctx),
        ctx.now,
      );
      if (functions[fn.FunctionName]) throw alreadyExists(`Function ${fn.FunctionName} already exists.`);
      functions[fn.FunctionName] = fn;
      return {};
    },
  },
  GetUserDefinedFunction: {
    readOnly: true,
    handler: (input: Input, ctx) => {
      const name = required<string>(input, 'FunctionName');
      const fn = functionsOf(input, ctx).functions[glueName(name)];
      if (!fn) throw notFound(name);
      return { UserDefinedFunction: fn };
    },
  },
  GetUserDefinedFunctions: { readOnly: true, handler: listFunctions },
  UpdateUserDefinedFunction: {
    readOnly: false,
    handler: (input: Input, ctx) => {
      const { database, functions } = functionsOf(input, ctx);
      const name = glueName(required<string>(input, 'FunctionName'));
      const current = functions[name];
      if (!current) throw notFound(name);
      const fnInput = required<Input>(input, 'FunctionInput');
      const fn = functionFromInput(
        { FunctionName: name, ...fnInput },
        database.database.Name,
        current.CatalogId,
        current.CreateTime,
      );
      if (fn.FunctionName !== name && functions[fn.FunctionName])
        throw alreadyExists(`Function ${fn.FunctionName} already exists.`);
      delete functions[name];
      functions[fn.FunctionName] = fn;
      return {};
    },
  },
  DeleteUserDefinedFunction: {
    readOnly: false,
    handler: (input: Input, ctx) => {
      const { functions } = functionsOf(input, ctx);
      const name = required<string>(input, 'FunctionName');
      if (!functions[glueName(name)]) throw notFound(name);
      delete functions[glueName(name)];
      return {};
    },
  },
};
