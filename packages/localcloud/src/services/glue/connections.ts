import {
  alreadyExists,
  entityNotFound,
  type OperationSpec,
  type RequestContext,
  required,
} from '../../service.ts';
import { catalogOf, compact } from './catalog.ts';

type Input = Record<string, any>;

/** Glue connections by name: only what federated catalogs need (that one exists, and its type). */
interface ConnectionState {
  connections: Record<string, Record<string, any>>;
}

function connectionsOf(ctx: RequestContext): ConnectionState {
  return ctx.regionState.slice<ConnectionState>('glueConnections', () => ({ connections: {} }));
}

/** The stored connection of that name, if the account has one in this Region. */
export function findConnection(ctx: RequestContext, name: string): Record<string, any> | undefined {
  return connectionsOf(ctx).connections[name];
}

/** CreateConnection: Name, ConnectionType and ConnectionProperties are required, as in the API model. */
function createConnection(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  const connection = required<Input>(input, 'ConnectionInput');
  const name = required<string>(connection, 'Name');
  required(connection, 'ConnectionType');
  required(connection, 'ConnectionProperties');
  const { connections } = connectionsOf(ctx);
  if (connections[name]) throw alreadyExists(`Connection already exists: ${name}`);
  connections[name] = compact({
    Name: name,
    Description: connection.Description,
    ConnectionType: connection.ConnectionType,
    ConnectionProperties: connection.ConnectionProperties,
    CreationTime: ctx.now,
    LastUpdatedTime: ctx.now,
  });
  return { CreateConnectionStatus: 'READY' };
}

function getConnection(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  const name = required<string>(input, 'Name');
  const connection = findConnection(ctx, name);
  if (!connection) throw entityNotFound(`Connection ${name} not found.`);
  return { Connection: connection };
}

function deleteConnection(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  const name = required<string>(input, 'ConnectionName');
  if (!findConnection(ctx, name)) throw entityNotFound(`Connection ${name} not found.`);
  delete connectionsOf(ctx).connections[name];
  return {};
}

export const connectionOperations: Record<string, OperationSpec> = {
  CreateConnection: { handler: createConnection, readOnly: false },
  GetConnection: { handler: getConnection, readOnly: true },
  DeleteConnection: { handler: deleteConnection, readOnly: false },
};
