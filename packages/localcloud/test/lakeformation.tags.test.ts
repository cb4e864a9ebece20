import {
  AddLFTagsToResourceCommand,
  CreateLFTagCommand,
  DeleteLFTagCommand,
  EntityNotFoundException,
  GetLFTagCommand,
  GetResourceLFTagsCommand,
  InvalidInputException,
  ListLFTagsCommand,
  RemoveLFTagsFromResourceCommand,
  UpdateLFTagCommand,
} from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, seedGlue } from '../../../test/support/lakeFormationFixtures.ts';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';

describe('Lake Formation LF-Tags', () => {
  let cloud: LocalCloud;
  const lf = () => clientsFor(cloud).lakeFormation;
  const orders = { Table: { DatabaseName: 'sales', Name: 'orders' } };
  const pair = (TagKey: string, value: string) => ({ TagKey, TagValues: [value] });

  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false });
  });
  afterAll(async () => {
    await cloud.stop();
  });
  beforeEach(async () => {
    await cloud.reset();
    seedGlue(cloud, 'sales', { orders: ['id', 'amount', 'email'] });
    await lf().send(new CreateLFTagCommand({ TagKey: 'domain', TagValues: ['sales', 'hr'] }));
    await lf().send(new CreateLFTagCommand({ TagKey: 'pii', TagValues: ['true', 'false'] }));
  });

  it('creates, reads, updates and lists LF-Tags (paged)', async () => {
    expect(await lf().send(new GetLFTagCommand({ TagKey: 'domain' }))).toMatchObject({
      CatalogId: ACCOUNT,
      TagKey: 'domain',
      TagValues: ['sales', 'hr'],
    });
    await lf().send(
      new UpdateLFTagCommand({ TagKey: 'domain', TagValuesToAdd: ['finance'], TagValuesToDelete: ['hr'] }),
    );
    expect((await lf().send(new GetLFTagCommand({ TagKey: 'domain' }))).TagValues).toEqual([
      'sales',
      'finance',
    ]);
    const first = await lf().send(new ListLFTagsCommand({ MaxResults: 1 }));
    const second = await lf().send(new ListLFTagsCommand({ MaxResults: 1, NextToken: first.NextToken }));
    expect([...first.LFTags!, ...second.LFTags!].map((t) => t.TagKey)).toEqual(['domain', 'pii']);
    expect(second.NextToken).toBeUndefined();
    await expect(lf().send(new GetLFTagCommand({ TagKey: 'nope' }))).rejects.toBeInstanceOf(
      EntityNotFoundException,
    );
  });

  it('takes at most 50 values per call', async () => {
    const values = Array.from({ length: 51 }, (_, i) => `v${i}`);
    await expect(
      lf().send(new CreateLFTagCommand({ TagKey: 'big', TagValues: values })),
    ).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('assigns tags to a database, table and columns; tables and columns show inherited tags', async () => {
    await lf().send(
      new AddLFTagsToResourceCommand({
        Resource: { Database: { Name: 'sales' } },
        LFTags: [pair('domain', 'sales')],
      }),
    );
    await lf().send(
      new AddLFTagsToResourceCommand({
        Resource: { TableWithColumns: { DatabaseName: 'sales', Name: 'orders', ColumnNames: ['email'] } },
        LFTags: [pair('pii', 'true')],
      }),
    );
    await lf().send(new AddLFTagsToResourceCommand({ Resource: orders, LFTags: [pair('pii', 'false')] }));
    const tags = await lf().send(new GetResourceLFTagsCommand({ Resource: orders }));
    const on = (list?: Array<{ TagKey?: string; TagValues?: string[] }>) =>
      Object.fromEntries((list ?? []).map((t) => [t.TagKey, t.TagValues?.[0]]));
    expect(on(tags.LFTagOnDatabase)).toEqual({ domain: 'sales' });
    expect(on(tags.LFTagsOnTable)).toEqual({ domain: 'sales', pii: 'false' });
    const columns = Object.fromEntries((tags.LFTagsOnColumns ?? []).map((c) => [c.Name, on(c.LFTags)]));
    expect(columns).toEqual({
      id: { domain: 'sales', pii: 'false' },
      amount: { domain: 'sales', pii: 'false' },
      email: { domain: 'sales', pii: 'true' },
    });
    const assigned = await lf().send(
      new GetResourceLFTagsCommand({ Resource: orders, ShowAssignedLFTags: true }),
    );
    expect(on(assigned.LFTagsOnTable)).toEqual({ pii: 'false' });
    expect(assigned.LFTagsOnColumns?.map((c) => c.Name)).toEqual(['email']);
  });

  it('answers per-tag failures and refuses malformed tag lists', async () => {
    const answer = await lf().send(
      new AddLFTagsToResourceCommand({
        Resource: orders,
        LFTags: [pair('domain', 'sales'), pair('ghost', 'x'), pair('pii', 'maybe')],
      }),
    );
    expect(answer.Failures?.map((f) => [f.LFTag?.TagKey, f.Error?.ErrorCode])).toEqual([
      ['ghost', 'EntityNotFoundException'],
      ['pii', 'EntityNotFoundException'],
    ]);
    await expect(
      lf().send(
        new AddLFTagsToResourceCommand({
          Resource: orders,
          LFTags: [pair('domain', 'sales'), pair('domain', 'hr')],
        }),
      ),
    ).rejects.toThrow(/duplicate tag key/);
    await expect(
      lf().send(
        new AddLFTagsToResourceCommand({
          Resource: orders,
          LFTags: [{ TagKey: 'domain', TagValues: ['sales', 'hr'] }],
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidInputException);
    await expect(
      lf().send(
        new AddLFTagsToResourceCommand({
          Resource: { Table: { DatabaseName: 'sales', Name: 'missing' } },
          LFTags: [pair('domain', 'hr')],
        }),
      ),
    ).rejects.toBeInstanceOf(EntityNotFoundException);
    const many = Array.from({ length: 51 }, (_, i) => pair(`k${i}`, 'v'));
    await expect(
      lf().send(new AddLFTagsToResourceCommand({ Resource: orders, LFTags: many })),
    ).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('removes tags, refuses to delete a value still assigned, and deleting a tag drops its assignments', async () => {
    await lf().send(new AddLFTagsToResourceCommand({ Resource: orders, LFTags: [pair('domain', 'hr')] }));
    await expect(
      lf().send(new UpdateLFTagCommand({ TagKey: 'domain', TagValuesToDelete: ['hr'] })),
    ).rejects.toThrow(/Update not allowed/);
    const removed = await lf().send(
      new RemoveLFTagsFromResourceCommand({
        Resource: orders,
        LFTags: [pair('domain', 'hr'), pair('pii', 'true')],
      }),
    );
    expect(removed.Failures?.map((f) => f.LFTag?.TagKey)).toEqual(['pii']);
    await lf().send(new UpdateLFTagCommand({ TagKey: 'domain', TagValuesToDelete: ['hr'] }));
    await lf().send(new AddLFTagsToResourceCommand({ Resource: orders, LFTags: [pair('pii', 'true')] }));
    await lf().send(new DeleteLFTagCommand({ TagKey: 'pii' }));
    const tags = await lf().send(
      new GetResourceLFTagsCommand({ Resource: orders, ShowAssignedLFTags: true }),
    );
    expect(tags.LFTagsOnTable).toEqual([]);
    await expect(lf().send(new DeleteLFTagCommand({ TagKey: 'pii' }))).rejects.toBeInstanceOf(
      EntityNotFoundException,
    );
  });
});
