import { describe, expect, it } from 'vitest';
import { collectPages, eachPage, type Page } from '../../../src/aws/pages.ts';

/** A paged list of `pages`; records the token of every call, as an SDK fake would. */
function pagedList<T, Token>(pages: ReadonlyArray<Page<T, Token>>) {
  const tokens: Array<Token | undefined> = [];
  const fetchPage = async (token: Token | undefined): Promise<Page<T, Token>> => {
    const page = pages[tokens.length];
    tokens.push(token);
    if (!page) throw new Error(`page ${tokens.length} was never offered`);
    return page;
  };
  return { fetchPage, tokens };
}

describe('collectPages', () => {
  it('starts without a token, passes each next token on, and keeps the items in order', async () => {
    const list = pagedList([
      { items: ['a', 'b'], next: 't1' },
      { items: ['c'], next: 't2' },
      { items: ['d'], next: undefined },
    ]);

    const items = await collectPages(list.fetchPage);

    expect(items).toEqual(['a', 'b', 'c', 'd']);
    expect(list.tokens).toEqual([undefined, 't1', 't2']);
  });

  it('makes one call for a single page, and reads pages without items as empty', async () => {
    const single = pagedList<string, string>([{ items: undefined, next: undefined }]);
    const gaps = pagedList([
      { items: undefined, next: 't1' },
      { items: [], next: 't2' },
      { items: ['a'], next: undefined },
    ]);

    expect(await collectPages(single.fetchPage)).toEqual([]);
    expect(await collectPages(gaps.fetchPage)).toEqual(['a']);

    expect(single.tokens).toEqual([undefined]);
    expect(gaps.tokens).toEqual([undefined, 't1', 't2']);
  });

  it('stops at an empty token, as the SDK loops it replaces did', async () => {
    const list = pagedList([
      { items: ['a'], next: 't1' },
      { items: ['b'], next: '' },
    ]);

    expect(await collectPages(list.fetchPage)).toEqual(['a', 'b']);
    expect(list.tokens).toEqual([undefined, 't1']);
  });

  it('takes tokens that are not strings (DynamoDB LastEvaluatedKey)', async () => {
    const key = { pk: 'E#1', sk: 'event' };
    const list = pagedList<number, Record<string, unknown>>([
      { items: [1], next: key },
      { items: [2], next: undefined },
    ]);

    expect(await collectPages(list.fetchPage)).toEqual([1, 2]);
    expect(list.tokens).toEqual([undefined, key]);
  });

  it('passes a failed call on', async () => {
    const list = pagedList([{ items: ['a'], next: 't1' }]);

    await expect(collectPages(list.fetchPage)).rejects.toThrow(/page 2 was never offered/);
  });
});

describe('eachPage', () => {
  it('fetches the next page only when asked past the current one', async () => {
    const list = pagedList([
      { items: ['a', 'b'], next: 't1' },
      { items: ['c'], next: undefined },
    ]);
    const seen: string[] = [];

    for await (const page of eachPage(list.fetchPage)) {
      seen.push(...page);
      break;
    }

    expect(seen).toEqual(['a', 'b']);
    expect(list.tokens).toEqual([undefined]);
  });

  it('yields one array per page', async () => {
    const list = pagedList([
      { items: ['a', 'b'], next: 't1' },
      { items: ['c'], next: undefined },
    ]);
    const pages: Array<readonly string[]> = [];

    for await (const page of eachPage(list.fetchPage)) pages.push(page);

    expect(pages).toEqual([['a', 'b'], ['c']]);
  });
});
