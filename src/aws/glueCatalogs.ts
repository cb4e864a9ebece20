import {
  type Catalog,
  type CatalogInput,
  CreateCatalogCommand,
  DeleteCatalogCommand,
  GetCatalogsCommand,
  GetConnectionCommand,
  type GlueClient,
  UpdateCatalogCommand,
} from '@aws-sdk/client-glue';
import type { AwsCallContext } from './awsCallContext.ts';
import { ignoreNotFound } from './ignoreNotFound.ts';
import { collectPages } from './pages.ts';

/** GetCatalogs page maximum (glue-2017-03-31: MaxResults is a PageSize, 1..1000). */
export const CATALOGS_PAGE = 1000;

/** The catalogs below an account's default one, and the connections federated catalogs need. */
export class GlueCatalogs {
  constructor(
    private readonly glue: GlueClient,
    private readonly context: AwsCallContext,
    /** The account whose catalogs these are: multi-level CatalogIds start with it. */
    private readonly accountId: string,
  ) {}

  /** Every catalog of the hierarchy below the default one (Recursive), the default one left out. */
  list(): Promise<Catalog[]> {
    return collectPages(async (NextToken) => {
      const page = await this.context.call('GetCatalogs', `catalogs in ${this.context.region}`, () =>
        this.glue.send(new GetCatalogsCommand({ Recursive: true, MaxResults: CATALOGS_PAGE, NextToken })),
      );
      return { items: page.CatalogList, next: page.NextToken };
    });
  }

  /** Whether the Region has a Glue connection of that name. */
  async hasConnection(name: string): Promise<boolean> {
    const found = await ignoreNotFound(() =>
      this.context.call('GetConnection', `connection ${name} in ${this.context.region}`, () =>
        this.glue.send(new GetConnectionCommand({ Name: name, HidePassword: true })),
      ),
    );
    return found !== undefined;
  }

  /** Creates a catalog at `path` (`parent/child` inside an existing catalog). */
  async create(path: string, input: CatalogInput): Promise<void> {
    await this.context.call('CreateCatalog', this.name(path), () =>
      this.glue.send(new CreateCatalogCommand({ Name: path, CatalogInput: input })),
    );
  }

  async update(path: string, input: CatalogInput): Promise<void> {
    await this.context.call('UpdateCatalog', this.name(path), () =>
      this.glue.send(new UpdateCatalogCommand({ CatalogId: this.id(path), CatalogInput: input })),
    );
  }

  async delete(path: string): Promise<void> {
    await this.context.call('DeleteCatalog', this.name(path), () =>
      this.glue.send(new DeleteCatalogCommand({ CatalogId: this.id(path) })),
    );
  }

  /** The multi-level CatalogId of a catalog below the account's default one. */
  private id(path: string): string {
    return `${this.accountId}:${path}`;
  }

  private name(path: string): string {
    return `catalog ${path} in ${this.context.region}`;
  }
}
