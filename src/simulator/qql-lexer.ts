/**
 * The QQL lexer: {@link QqlError} (the error of every QQL stage), the comparison operators, the
 * tokens and {@link tokenizeQql}. The grammar it serves is documented in `qql.ts`; the parser
 * over its tokens is `qql-parser.ts`.
 *
 * @module
 */

/** Thrown for a QQL syntax error, an unknown token or a value of the wrong type. */
export class QqlError extends Error {
  /** 0-based character offset in the query where the problem is. */
  readonly position: number;

  /**
   * @param position - 0-based offset in the query string.
   * @param problem - what is wrong there.
   */
  constructor(position: number, problem: string) {
    super(`QQL error at position ${position}: ${problem}`);
    this.name = 'QqlError';
    this.position = position;
  }
}

/** A comparison operator; `:` is equality (or membership for lists). */
export type QqlOperator = ':' | '>' | '<' | '>=' | '<=';

/** One token of a query, with its 0-based offset. */
export type QqlToken =
  | { readonly type: 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'comma' | 'eof'; readonly pos: number }
  | { readonly type: 'field'; readonly name: string; readonly pos: number }
  | { readonly type: 'op'; readonly op: Exclude<QqlOperator, ':'>; readonly pos: number }
  | { readonly type: 'value'; readonly text: string; readonly quoted: boolean; readonly pos: number }
  | { readonly type: 'keyword'; readonly word: 'and' | 'or' | 'not'; readonly pos: number };

const QUOTES = new Set(['"', "'", '`']);
const WORD = /[A-Za-z0-9_.]/;
const VALUE_STOP = new Set(['(', ')', '[', ']', ',', '"', "'", '`']);

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/**
 * Splits a query into tokens. The lexer is modal: after `field:` it reads an optional comparison
 * operator and then a value (so unquoted values may contain `:` and `-`, e.g. timestamps and
 * UUIDs); inside `[...]` it reads values and commas.
 *
 * @throws QqlError on an unterminated quote, a stray character or a word that is not a field or keyword.
 */
export function tokenizeQql(text: string): QqlToken[] {
  const tokens: QqlToken[] = [];
  let i = 0;
  let mode: 'expr' | 'value' | 'list' = 'expr';

  const skipSpace = (): void => {
    while (isSpace(text[i])) {
      i += 1;
    }
  };

  const readValue = (): QqlToken => {
    const start = i;
    const first = text[i];
    if (first !== undefined && QUOTES.has(first)) {
      i += 1;
      let out = '';
      while (i < text.length && text[i] !== first) {
        if (text[i] === '\\' && i + 1 < text.length) {
          i += 1;
        }
        out += text[i];
        i += 1;
      }
      if (i >= text.length) {
        throw new QqlError(start, `unterminated ${first}-quoted value`);
      }
      i += 1;
      return { type: 'value', text: out, quoted: true, pos: start };
    }
    while (i < text.length && !isSpace(text[i]) && !VALUE_STOP.has(text[i] as string)) {
      i += 1;
    }
    if (i === start) {
      const found = i >= text.length ? 'end of query' : `'${text[i]}'`;
      throw new QqlError(start, `expected a value, found ${found}`);
    }
    return { type: 'value', text: text.slice(start, i), quoted: false, pos: start };
  };

  for (;;) {
    skipSpace();
    if (i >= text.length) {
      break;
    }
    const ch = text[i] as string;
    if (mode === 'value') {
      const two = text.slice(i, i + 2);
      if (two === '>=' || two === '<=') {
        tokens.push({ type: 'op', op: two, pos: i });
        i += 2;
        skipSpace();
      } else if (ch === '>' || ch === '<') {
        tokens.push({ type: 'op', op: ch, pos: i });
        i += 1;
        skipSpace();
      }
      if (text[i] === '[') {
        tokens.push({ type: 'lbracket', pos: i });
        i += 1;
        mode = 'list';
      } else {
        tokens.push(readValue());
        mode = 'expr';
      }
      continue;
    }
    if (mode === 'list') {
      if (ch === ']') {
        tokens.push({ type: 'rbracket', pos: i });
        i += 1;
        mode = 'expr';
      } else if (ch === ',') {
        tokens.push({ type: 'comma', pos: i });
        i += 1;
      } else {
        tokens.push(readValue());
      }
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'lparen' : 'rparen', pos: i });
      i += 1;
      continue;
    }
    if (WORD.test(ch)) {
      const start = i;
      while (i < text.length && WORD.test(text[i] as string)) {
        i += 1;
      }
      const word = text.slice(start, i);
      let look = i;
      while (isSpace(text[look])) {
        look += 1;
      }
      if (text[look] === ':') {
        tokens.push({ type: 'field', name: word, pos: start });
        i = look + 1;
        mode = 'value';
        continue;
      }
      const lower = word.toLowerCase();
      if (lower === 'and' || lower === 'or' || lower === 'not') {
        tokens.push({ type: 'keyword', word: lower, pos: start });
        continue;
      }
      throw new QqlError(start, `unexpected '${word}': expected 'field:value', '(', 'and', 'or' or 'not'`);
    }
    throw new QqlError(i, `unexpected character '${ch}'`);
  }
  if (mode === 'value') {
    throw new QqlError(text.length, 'missing value after ":"');
  }
  if (mode === 'list') {
    throw new QqlError(text.length, "unterminated list: expected ']'");
  }
  tokens.push({ type: 'eof', pos: text.length });
  return tokens;
}
