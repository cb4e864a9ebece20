import { KEYWORDS, type Token, tokenize, unsupported } from './expressionTokens.ts';

/** Whether a partition (its Values, in PartitionKeys order) satisfies the expression. */
export type PartitionPredicate = (values: readonly string[]) => boolean;

/** An operand: a partition key (by position, with its type) or a literal. */
type Operand =
  | { column: number; numeric: boolean }
  | { literal: string; numeric: boolean; column?: undefined };

/** The partition key types the Expression supports (GetPartitions reference); others are rejected when used. */
const NUMERIC_TYPES = new Set(['int', 'bigint', 'long', 'tinyint', 'smallint', 'decimal']);
const TEXT_TYPES = new Set(['string', 'date', 'timestamp']);

/**
 * Compiles a GetPartitions Expression over the table's partition keys: comparisons (=, <>, !=, <, >, <=, >=),
 * AND, OR, NOT, parentheses, IN, BETWEEN, LIKE, IS [NOT] NULL, string and number literals. Numeric keys compare
 * as numbers, string/date/timestamp keys as strings. Anything else is an InvalidInputException.
 */
export function compilePartitionExpression(
  expression: string,
  partitionKeys: ReadonlyArray<{ Name?: string; Type?: string }>,
): PartitionPredicate {
  const tokens = tokenize(expression);
  let position = 0;
  const fail = (detail: string) => unsupported(expression, detail);
  const peek = (): Token | undefined => tokens[position];
  const isWord = (word: string) => {
    const token = peek();
    return token?.kind === 'word' && token.upper === word;
  };
  /** Consumes the keyword when it is next. */
  const accept = (word: string): boolean => {
    if (!isWord(word)) return false;
    position++;
    return true;
  };
  const expectWord = (word: string) => {
    if (!accept(word)) throw fail(`expected ${word}`);
  };
  const expectPunct = (text: string) => {
    const token = peek();
    if (token?.kind !== 'punct' || token.text !== text) throw fail(`expected '${text}'`);
    position++;
  };

  const column = (name: string): Operand => {
    const index = partitionKeys.findIndex((key) => key.Name?.toLowerCase() === name.toLowerCase());
    if (index < 0) throw fail(`${name} is not a partition key`);
    const type = (partitionKeys[index]!.Type ?? '')
      .toLowerCase()
      .replace(/\(.*\)$/, '')
      .trim();
    if (!NUMERIC_TYPES.has(type) && !TEXT_TYPES.has(type)) {
      throw fail(`partition key ${name} has unsupported type ${partitionKeys[index]!.Type}`);
    }
    return { column: index, numeric: NUMERIC_TYPES.has(type) };
  };

  const operand = (): Operand => {
    const token = tokens[position++];
    if (token?.kind === 'name') return column(token.text);
    if (token?.kind === 'word' && !KEYWORDS.has(token.upper)) return column(token.text);
    if (token?.kind === 'string') return { literal: token.text, numeric: false };
    if (token?.kind === 'number') return { literal: token.text, numeric: true };
    throw fail(token ? `unexpected '${token.text}'` : 'unexpected end of expression');
  };

  const raw = (o: Operand, values: readonly string[]) =>
    o.column === undefined ? o.literal : values[o.column];

  /** Sign of a − b under the type the comparison takes from its partition key, or undefined when not comparable. */
  const compare = (a: Operand, b: Operand, values: readonly string[]): number | undefined => {
    const numeric =
      a.column !== undefined ? a.numeric : b.column !== undefined ? b.numeric : a.numeric && b.numeric;
    const x = raw(a, values);
    const y = raw(b, values);
    if (x === undefined || y === undefined) return undefined;
    if (!numeric) return x < y ? -1 : x > y ? 1 : 0;
    const nx = x.trim() === '' ? Number.NaN : Number(x);
    const ny = y.trim() === '' ? Number.NaN : Number(y);
    if (Number.isNaN(nx) || Number.isNaN(ny)) return undefined;
    return Math.sign(nx - ny);
  };

  const comparison = (left: Operand, op: string, right: Operand): PartitionPredicate => {
    const test: Record<string, (sign: number) => boolean> = {
      '=': (s) => s === 0,
      '<>': (s) => s !== 0,
      '<': (s) => s < 0,
      '>': (s) => s > 0,
      '<=': (s) => s <= 0,
      '>=': (s) => s >= 0,
    };
    const holds = test[op]!;
    return (values) => {
      const sign = compare(left, right, values);
      return sign !== undefined && holds(sign);
    };
  };

  const like = (left: Operand, pattern: Operand): PartitionPredicate => {
    if (pattern.column !== undefined || pattern.numeric) throw fail('LIKE needs a string pattern');
    const source = pattern.literal
      .split('')
      .map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    const regex = new RegExp(`^${source}$`, 's');
    return (values) => regex.test(raw(left, values) ?? '');
  };

  const predicate = (): PartitionPredicate => {
    const token = peek();
    if (token?.kind === 'punct' && token.text === '(') {
      position++;
      const inner = disjunction();
      expectPunct(')');
      return inner;
    }
    const left = operand();
    const next = peek();
    if (next?.kind === 'op') {
      position++;
      return comparison(left, next.text, operand());
    }
    if (accept('IS')) {
      const negated = accept('NOT');
      expectWord('NULL');
      return () => negated; // partition values are never null
    }
    const negated = accept('NOT');
    let test: PartitionPredicate;
    if (accept('BETWEEN')) {
      const low = operand();
      expectWord('AND');
      const high = operand();
      const atLeast = comparison(left, '>=', low);
      const atMost = comparison(left, '<=', high);
      test = (values) => atLeast(values) && atMost(values);
    } else if (accept('IN')) {
      expectPunct('(');
      const options = [comparison(left, '=', operand())];
      while (peek()?.kind === 'punct' && peek()?.text === ',') {
        position++;
        options.push(comparison(left, '=', operand()));
      }
      expectPunct(')');
      test = (values) => options.some((option) => option(values));
    } else if (accept('LIKE')) {
      test = like(left, operand());
    } else {
      throw fail(next ? `unexpected '${next.text}'` : 'expected a comparison');
    }
    return negated ? (values) => !test(values) : test;
  };

  const negation = (): PartitionPredicate => {
    if (!accept('NOT')) return predicate();
    const inner = negation();
    return (values) => !inner(values);
  };

  const conjunction = (): PartitionPredicate => {
    const parts = [negation()];
    while (accept('AND')) {
      parts.push(negation());
    }
    return parts.length === 1 ? parts[0]! : (values) => parts.every((part) => part(values));
  };

  function disjunction(): PartitionPredicate {
    const parts = [conjunction()];
    while (accept('OR')) {
      parts.push(conjunction());
    }
    return parts.length === 1 ? parts[0]! : (values) => parts.some((part) => part(values));
  }

  if (tokens.length === 0) throw fail('empty expression');
  const compiled = disjunction();
  if (position < tokens.length) throw fail(`unexpected '${tokens[position]!.text}'`);
  return compiled;
}
