import { invalidInput } from '../../service.ts';

/** A lexical token of a GetPartitions Expression (SQL WHERE-clause syntax). */
export type Token =
  | { kind: 'word'; text: string; upper: string }
  | { kind: 'name'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'punct'; text: '(' | ')' | ',' };

export const unsupported = (expression: string, detail: string) =>
  invalidInput(`Unsupported expression '${expression}': ${detail}`);

const OPERATORS = ['<=', '>=', '<>', '!=', '=', '<', '>'];

/** Reserved words of the grammar; any other word is a partition key name. */
export const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'BETWEEN', 'LIKE', 'IS', 'NULL']);

/** Splits an expression into tokens; anything outside the supported grammar is an InvalidInputException. */
export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= expression.length) throw unsupported(expression, 'unterminated string literal');
        if (expression[i] === "'") {
          if (expression[i + 1] !== "'") break;
          i++;
        }
        text += expression[i++];
      }
      i++;
      tokens.push({ kind: 'string', text });
    } else if (c === '`' || c === '"') {
      const end = expression.indexOf(c, i + 1);
      if (end < 0) throw unsupported(expression, 'unterminated quoted identifier');
      tokens.push({ kind: 'name', text: expression.slice(i + 1, end) });
      i = end + 1;
    } else {
      const number = /^-?\d+(\.\d+)?/.exec(expression.slice(i));
      const previous = tokens[tokens.length - 1];
      // A sign belongs to the number unless it follows an operand (there is no arithmetic to take it).
      const signAllowed =
        !previous ||
        previous.kind === 'op' ||
        (previous.kind === 'punct' && previous.text !== ')') ||
        (previous.kind === 'word' && KEYWORDS.has(previous.upper));
      if (number && (c !== '-' || signAllowed)) {
        tokens.push({ kind: 'number', text: number[0] });
        i += number[0].length;
        continue;
      }
      const op = OPERATORS.find((candidate) => expression.startsWith(candidate, i));
      if (op) {
        tokens.push({ kind: 'op', text: op === '!=' ? '<>' : op });
        i += op.length;
        continue;
      }
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expression.slice(i));
      if (!word) throw unsupported(expression, `unexpected character '${c}'`);
      tokens.push({ kind: 'word', text: word[0], upper: word[0].toUpperCase() });
      i += word[0].length;
    }
  }
  return tokens;
}
