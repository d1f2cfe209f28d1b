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
 * Sources: docs/qualys-api.md §10 (tokens, `field:[v1,v2]`, quotes and backticks, `lastModified:>"…"`),
 * seed 000 (`status: 'Assets Responded'`), seed 004 (`isSecurity: true and (patchStatus:[Missing,
 * Installed] and isSuperseded: false)`).
 *
 * @module
 */
import { QqlError, type QqlOperator } from './qql-lexer.js';
import { parseQql, type QqlNode, type QqlValue } from './qql-parser.js';

export { QqlError, type QqlOperator, type QqlToken, tokenizeQql } from './qql-lexer.js';
export { parseQql, type QqlNode, type QqlValue } from './qql-parser.js';

// The tokenizer is in `qql-lexer.ts`, the parser in `qql-parser.ts`; this module, the QQL entry
// point the routes and the store import, re-exports them and holds the field maps and the evaluator.

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
