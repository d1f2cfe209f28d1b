/**
 * The subset of Qualys QQL the simulator understands: a tokenizer, a recursive-descent parser and
 * an evaluator over plain objects. Each resource declares its tokens as a {@link QqlFieldMap}.
 *
 * Grammar (keywords case-insensitive; `not` binds tighter than `and`, `and` tighter than `or`):
 * ```
 * query   := orExpr?                       (blank = match everything)
 * orExpr  := andExpr ("or" andExpr)*
 * andExpr := notExpr ("and" notExpr)*
 * notExpr := "not" notExpr | primary
 * primary := "(" orExpr ")" | FIELD ":" [">" | "<" | ">=" | "<="] valueSpec
 * valueSpec := VALUE | "[" VALUE ("," VALUE)* "]"
 * VALUE   := "..." | '...' | `...` | a run of characters without spaces, brackets, parentheses or commas
 * ```
 * Matching: strings compare case-insensitively for equality; numbers and dates also with
 * comparisons (dates as epoch ms, ISO-8601 or `YYYY-MM-DD`; a bare date with `:` matches that UTC
 * day); booleans need `true`/`false`. A field whose value is a list matches when any element does;
 * `field:[a,b]` matches when any value does; `null` never matches.
 *
 * Sources: QUALYS-API.md §10 (tokens, `field:[v1,v2]`, quotes and backticks, `lastModified:>"…"`),
 * seed 000 (`status: 'Assets Responded'`), seed 004 (`isSecurity: true and (patchStatus:[Missing,
 * Installed] and isSuperseded: false)`).
 *
 * @module
 */

/** How a token's values are compared. */
export type QqlFieldType = 'string' | 'number' | 'date' | 'boolean';

/** One QQL token of a resource: its value type and how to read it from an item. */
export interface QqlField<T> {
  /** Value type; decides parsing of the query value and which operators are allowed. */
  readonly type: QqlFieldType;
  /** Reads the value (or a list of values) of this token from an item; `null`/`undefined` never match. */
  readonly get: (item: T) => unknown;
}

/** A resource's QQL tokens by name (looked up case-insensitively). */
export type QqlFieldMap<T> = Readonly<Record<string, QqlField<T>>>;

/** A compiled QQL query. */
export type QqlPredicate<T> = (item: T) => boolean;

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

/** One literal value of a query. */
export interface QqlValue {
  /** The value without quotes. */
  readonly text: string;
  /** Whether it was quoted. */
  readonly quoted: boolean;
  /** 0-based offset of the value in the query. */
  readonly position: number;
}

/** The parsed form of a query. */
export type QqlNode =
  | { readonly kind: 'and' | 'or'; readonly left: QqlNode; readonly right: QqlNode }
  | { readonly kind: 'not'; readonly operand: QqlNode }
  | {
      readonly kind: 'match';
      readonly field: string;
      readonly position: number;
      readonly operator: QqlOperator;
      readonly values: readonly QqlValue[];
    };

type Token =
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

function describe(token: Token): string {
  switch (token.type) {
    case 'eof':
      return 'end of query';
    case 'field':
      return `field '${token.name}'`;
    case 'value':
      return `value '${token.text}'`;
    case 'keyword':
      return `'${token.word}'`;
    case 'op':
      return `'${token.op}'`;
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'lbracket':
      return "'['";
    case 'rbracket':
      return "']'";
    case 'comma':
      return "','";
  }
}

/**
 * Splits a query into tokens. The lexer is modal: after `field:` it reads an optional comparison
 * operator and then a value (so unquoted values may contain `:` and `-`, e.g. timestamps and
 * UUIDs); inside `[...]` it reads values and commas.
 *
 * @throws QqlError on an unterminated quote, a stray character or a word that is not a field or keyword.
 */
export function tokenizeQql(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let mode: 'expr' | 'value' | 'list' = 'expr';

  const skipSpace = (): void => {
    while (isSpace(text[i])) {
      i += 1;
    }
  };

  const readValue = (): Token => {
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

/**
 * Parses a query into a {@link QqlNode} tree.
 *
 * @param text - the query; blank means "no filter".
 * @returns the tree, or `null` for a blank query.
 * @throws QqlError on a syntax error.
 */
export function parseQql(text: string): QqlNode | null {
  const tokens = tokenizeQql(text);
  let index = 0;
  const peek = (): Token => tokens[index] as Token;
  const take = (): Token => {
    const token = tokens[index] as Token;
    if (token.type !== 'eof') {
      index += 1;
    }
    return token;
  };
  const isKeyword = (word: 'and' | 'or' | 'not'): boolean => {
    const token = peek();
    return token.type === 'keyword' && token.word === word;
  };

  const parseValue = (): QqlValue => {
    const token = take();
    if (token.type !== 'value') {
      throw new QqlError(token.pos, `expected a value, found ${describe(token)}`);
    }
    return { text: token.text, quoted: token.quoted, position: token.pos };
  };

  const parsePrimary = (): QqlNode => {
    const token = take();
    if (token.type === 'lparen') {
      const inner = parseOr();
      const close = take();
      if (close.type !== 'rparen') {
        throw new QqlError(
          close.pos,
          `expected ')' to close '(' at position ${token.pos}, found ${describe(close)}`,
        );
      }
      return inner;
    }
    if (token.type !== 'field') {
      throw new QqlError(token.pos, `expected 'field:value' or '(', found ${describe(token)}`);
    }
    let operator: QqlOperator = ':';
    const maybeOp = peek();
    if (maybeOp.type === 'op') {
      take();
      operator = maybeOp.op;
    }
    const values: QqlValue[] = [];
    if (peek().type === 'lbracket') {
      const open = take();
      if (operator !== ':') {
        throw new QqlError(open.pos, `operator '${operator}' cannot take a list`);
      }
      values.push(parseValue());
      while (peek().type === 'comma') {
        take();
        values.push(parseValue());
      }
      const close = take();
      if (close.type !== 'rbracket') {
        throw new QqlError(close.pos, `expected ',' or ']', found ${describe(close)}`);
      }
    } else {
      values.push(parseValue());
    }
    return { kind: 'match', field: token.name, position: token.pos, operator, values };
  };

  const parseNot = (): QqlNode => {
    if (isKeyword('not')) {
      take();
      return { kind: 'not', operand: parseNot() };
    }
    return parsePrimary();
  };

  const parseAnd = (): QqlNode => {
    let left = parseNot();
    while (isKeyword('and')) {
      take();
      left = { kind: 'and', left, right: parseNot() };
    }
    return left;
  };

  function parseOr(): QqlNode {
    let left = parseAnd();
    while (isKeyword('or')) {
      take();
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }

  if (peek().type === 'eof') {
    return null;
  }
  const tree = parseOr();
  const rest = peek();
  if (rest.type !== 'eof') {
    throw new QqlError(rest.pos, `expected 'and', 'or' or end of query, found ${describe(rest)}`);
  }
  return tree;
}

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{1,2}-\d{1,2}$/;

function toEpochMs(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const asNumber = Number(value);
    if (Number.isFinite(asNumber)) {
      return asNumber;
    }
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function compare(actual: number, operator: QqlOperator, expected: number): boolean {
  switch (operator) {
    case ':':
      return actual === expected;
    case '>':
      return actual > expected;
    case '<':
      return actual < expected;
    case '>=':
      return actual >= expected;
    case '<=':
      return actual <= expected;
  }
}

type ScalarTest = (candidate: unknown) => boolean;

function compileValue(
  type: QqlFieldType,
  fieldName: string,
  operator: QqlOperator,
  value: QqlValue,
): ScalarTest {
  switch (type) {
    case 'string': {
      if (operator !== ':') {
        throw new QqlError(
          value.position,
          `operator '${operator}' needs a number or date field; '${fieldName}' is text`,
        );
      }
      const expected = value.text.toLowerCase();
      return (candidate) =>
        (typeof candidate === 'string' || typeof candidate === 'number' || typeof candidate === 'boolean') &&
        String(candidate).toLowerCase() === expected;
    }
    case 'boolean': {
      const lower = value.text.toLowerCase();
      if (operator !== ':') {
        throw new QqlError(
          value.position,
          `operator '${operator}' needs a number or date field; '${fieldName}' is boolean`,
        );
      }
      if (lower !== 'true' && lower !== 'false') {
        throw new QqlError(
          value.position,
          `'${fieldName}' is boolean: expected true or false, found '${value.text}'`,
        );
      }
      const expected = lower === 'true';
      return (candidate) =>
        candidate === expected || (typeof candidate === 'string' && candidate.toLowerCase() === lower);
    }
    case 'number': {
      const expected = toNumber(value.text);
      if (expected === null) {
        throw new QqlError(value.position, `'${fieldName}' is numeric: '${value.text}' is not a number`);
      }
      return (candidate) => {
        const actual = toNumber(candidate);
        return actual !== null && compare(actual, operator, expected);
      };
    }
    case 'date': {
      const expected = toEpochMs(value.text);
      if (expected === null) {
        throw new QqlError(
          value.position,
          `'${fieldName}' is a date: '${value.text}' is neither epoch ms nor an ISO-8601 date`,
        );
      }
      if (operator === ':' && DATE_ONLY.test(value.text)) {
        return (candidate) => {
          const actual = toEpochMs(candidate);
          return actual !== null && actual >= expected && actual < expected + DAY_MS;
        };
      }
      return (candidate) => {
        const actual = toEpochMs(candidate);
        return actual !== null && compare(actual, operator, expected);
      };
    }
  }
}

/**
 * Parses and checks a query against a resource's tokens and returns a predicate.
 *
 * @param text - the QQL; `undefined`, `null` or blank match everything.
 * @param fields - the resource's tokens.
 * @param resource - the resource's name, for error messages (e.g. `assets`).
 * @returns a predicate over items of that resource.
 * @throws QqlError on a syntax error, an unknown token (the message lists the known ones) or a
 * value of the wrong type for its token.
 */
export function compileQql<T>(
  text: string | null | undefined,
  fields: QqlFieldMap<T>,
  resource: string,
): QqlPredicate<T> {
  const tree = text === undefined || text === null ? null : parseQql(text);
  if (tree === null) {
    return () => true;
  }
  const byLowerName = new Map<string, QqlField<T>>();
  for (const [name, field] of Object.entries(fields)) {
    byLowerName.set(name.toLowerCase(), field);
  }

  const build = (node: QqlNode): QqlPredicate<T> => {
    switch (node.kind) {
      case 'and': {
        const left = build(node.left);
        const right = build(node.right);
        return (item) => left(item) && right(item);
      }
      case 'or': {
        const left = build(node.left);
        const right = build(node.right);
        return (item) => left(item) || right(item);
      }
      case 'not': {
        const operand = build(node.operand);
        return (item) => !operand(item);
      }
      case 'match': {
        const field = byLowerName.get(node.field.toLowerCase());
        if (field === undefined) {
          const known = Object.keys(fields).sort().join(', ');
          throw new QqlError(
            node.position,
            `unknown field '${node.field}' for ${resource}; known fields: ${known}`,
          );
        }
        const tests = node.values.map((value) => compileValue(field.type, node.field, node.operator, value));
        return (item) => {
          const raw = field.get(item);
          const candidates: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
          return candidates.some(
            (candidate) =>
              candidate !== null && candidate !== undefined && tests.some((test) => test(candidate)),
          );
        };
      }
    }
  };
  return build(tree);
}
