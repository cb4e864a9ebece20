import {
  type Catalog,
  type CatalogInput,
  CreateCatalogCommand,
  DeleteCatalogCommand,
  GetCatalogCommand,
  GetCatalogsCommand,
  type GlueClient,
  UpdateCatalogCommand,
} from '@aws-sdk/client-glue';
import type { AwsCallContext } from './awsCallContext.ts';
import { ignoreNotFound } from './ignoreNotFound.ts';
import { collectPages } from './pages.ts';

/** GetCatalogs page maximum (glue-2017-03-31: MaxResults is a PageSize, 1..1000). */
export const CATALOGS_PAGE = 1000;

/**
 * The catalogs below an account's default one. Connections are never read (they can hold credentials): a
 * federated catalog whose connection the Region lacks is told by CreateCatalog's EntityNotFoundException.
 */
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

  /** One catalog below the default one, by path; undefined when the Region has none there. */
  async get(path: string): Promise<Catalog | undefined> {
    const found = await ignoreNotFound(() =>
      this.context.call('GetCatalog', this.name(path), () =>
        this.glue.send(new GetCatalogCommand({ CatalogId: this.id(path) })),
      ),
    );
    return found?.Catalog;
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
