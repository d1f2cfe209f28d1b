/**
 * JSON value types for the simulator's wire objects (what it serialises as response bodies).
 *
 * @module
 */

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * Whether a value is a plain JSON object (not an array, not null).
 *
 * @param value - anything, e.g. a parsed request body or a seed sample body.
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a dotted path (`created.user.name`) from a value; arrays are mapped element-wise, so
 * `tags.id` on `{tags:[{id:'a'},{id:'b'}]}` gives `['a','b']`.
 *
 * @param value - the root object.
 * @param path - a dotted property path.
 * @returns the value, a list of values, or `undefined` when absent.
 */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) {
      current = current.flatMap((element: unknown) => {
        const next = isJsonObject(element) ? element[key] : undefined;
        return next === undefined ? [] : [next];
      });
    } else if (isJsonObject(current)) {
      current = current[key];
    } else {
      return undefined;
    }
  }
  return current;
}
