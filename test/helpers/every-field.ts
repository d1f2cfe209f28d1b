/**
 * Selections of every field of a type, nested to a depth: the kind of query a person writes in
 * GraphiQL by expanding everything (and the kind static limits used to refuse).
 */
import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { schema } from '../../src/schema/index.js';

/** True when the field can be selected without arguments (every required one has a default). */
function selectableBare(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);
}

/**
 * Every field of `type` that takes no required argument; object fields expanded the same way
 * down to `depth` levels (1 = scalars only), abstract ones as `__typename`.
 */
export function everyField(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (!selectableBare(field)) continue;
    const named = getNamedType(field.type);
    if (isObjectType(named)) {
      if (depth > 1) parts.push(`${field.name} { ${everyField(named, depth - 1)} }`);
    } else if (isUnionType(named) || isInterfaceType(named)) {
      if (depth > 1) parts.push(`${field.name} { __typename }`);
    } else {
      parts.push(field.name);
    }
  }
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

/** `everyField` of the schema type named `typeName`. */
export function everyFieldOf(typeName: string, depth: number): string {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return everyField(type, depth);
}
