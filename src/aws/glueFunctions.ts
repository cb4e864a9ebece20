import {
  CreateUserDefinedFunctionCommand,
  DeleteUserDefinedFunctionCommand,
  GetUserDefinedFunctionCommand,
  GetUserDefinedFunctionsCommand,
  type GlueClient,
  UpdateUserDefinedFunctionCommand,
  type UserDefinedFunction,
  type UserDefinedFunctionInput,
} from '@aws-sdk/client-glue';
import { type AwsCallContext, catalogIdParam } from './awsCallContext.ts';
import { ignoreNotFound } from './ignoreNotFound.ts';
import { collectPages } from './pages.ts';

/** GetUserDefinedFunctions page maximum (glue-2017-03-31: MaxResults 1..100). */
export const FUNCTIONS_PAGE = 100;

/** User-defined functions of one catalog. */
export class GlueFunctions {
  constructor(
    private readonly glue: GlueClient,
    private readonly context: AwsCallContext,
  ) {}

  /**
   * Every function of the catalog (no database), or of one database: without DatabaseName Glue answers the
   * functions of all databases, so a whole catalog is one paged call, not one per database.
   */
  list(database?: string): Promise<UserDefinedFunction[]> {
    const object = database === undefined ? `catalog in ${this.context.region}` : this.name(database);
    return collectPages(async (NextToken) => {
      const page = await this.context.call('GetUserDefinedFunctions', object, () =>
        this.glue.send(
          new GetUserDefinedFunctionsCommand({
            ...catalogIdParam(this.context),
            ...(database === undefined ? {} : { DatabaseName: database }),
            Pattern: '*',
            MaxResults: FUNCTIONS_PAGE,
            NextToken,
          }),
        ),
      );
      return { items: page.UserDefinedFunctions, next: page.NextToken };
    });
  }

  /** One function, or `undefined` when it (or its database) does not exist. */
  get(database: string, name: string): Promise<UserDefinedFunction | undefined> {
    return ignoreNotFound(async () => {
      const answer = await this.context.call('GetUserDefinedFunction', this.name(database, name), () =>
        this.glue.send(
          new GetUserDefinedFunctionCommand({
            ...catalogIdParam(this.context),
            DatabaseName: database,
            FunctionName: name,
          }),
        ),
      );
      return answer.UserDefinedFunction;
    });
  }

  async create(database: string, input: UserDefinedFunctionInput): Promise<void> {
    await this.context.call('CreateUserDefinedFunction', this.name(database, input.FunctionName), () =>
      this.glue.send(
        new CreateUserDefinedFunctionCommand({
          ...catalogIdParam(this.context),
          DatabaseName: database,
          FunctionInput: input,
        }),
      ),
    );
  }

  async update(database: string, input: UserDefinedFunctionInput): Promise<void> {
    await this.context.call('UpdateUserDefinedFunction', this.name(database, input.FunctionName), () =>
      this.glue.send(
        new UpdateUserDefinedFunctionCommand({
          ...catalogIdParam(this.context),
          DatabaseName: database,
          FunctionName: input.FunctionName,
          FunctionInput: input,
        }),
      ),
    );
  }

  /** Deletes a function; one already gone is the end state. */
  async delete(database: string, name: string): Promise<void> {
    await ignoreNotFound(() =>
      this.context.call('DeleteUserDefinedFunction', this.name(database, name), () =>
        this.glue.send(
          new DeleteUserDefinedFunctionCommand({
            ...catalogIdParam(this.context),
            DatabaseName: database,
            FunctionName: name,
          }),
        ),
      ),
    );
  }

  private name(database: string, name?: string): string {
    const what = name === undefined ? `database ${database}` : `function ${database}.${name}`;
    return `${what} in ${this.context.region}`;
  }
}
