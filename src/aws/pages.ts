/** One page of a paged list call: its items (the SDK leaves them out when there are none) and the next token. */
export interface Page<T, Token> {
  items: readonly T[] | undefined;
  /** Absent (or empty) on the last page. */
  next: Token | undefined;
}

/**
 * Yields the items of each page as one array, starting with no token. Lazy: the next page is
 * fetched only when the consumer asks past the current one, so a consumer that stops early (or streams
 * millions of partitions) makes no extra calls. Any falsy token ends the list, as the hand-written loops
 * did: NextToken, ContinuationToken and DynamoDB's LastEvaluatedKey all work.
 */
export async function* eachPage<T, Token = string>(
  fetchPage: (token: Token | undefined) => Promise<Page<T, Token>>,
): AsyncGenerator<readonly T[]> {
  let token: Token | undefined;
  do {
    const page = await fetchPage(token);
    yield page.items ?? [];
    token = page.next;
  } while (token);
}

/** The items of every page, in order, in one array (for lists small enough to hold). */
export async function collectPages<T, Token = string>(
  fetchPage: (token: Token | undefined) => Promise<Page<T, Token>>,
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of eachPage(fetchPage)) items.push(...page);
  return items;
}
