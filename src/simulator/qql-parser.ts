/**
 * The QQL parser: the tree of a query ({@link QqlNode}) and {@link parseQql}, a recursive-descent
 * parser over the tokens of `qql-lexer.ts` following the grammar documented in `qql.ts`.
 *
 * @module
 */
import { QqlError, type QqlOperator, type QqlToken, tokenizeQql } from './qql-lexer.js';

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

function describe(token: QqlToken): string {
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
 * Parses a query into a {@link QqlNode} tree.
 *
 * @param text - the query; blank means "no filter".
 * @returns the tree, or `null` for a blank query.
 * @throws QqlError on a syntax error.
 */
export function parseQql(text: string): QqlNode | null {
  const tokens = tokenizeQql(text);
  let index = 0;
  const peek = (): QqlToken => tokens[index] as QqlToken;
  const take = (): QqlToken => {
    const token = tokens[index] as QqlToken;
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
