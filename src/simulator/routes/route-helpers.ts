/**
 * Helpers shared by the route modules: QQL parameters, JSON body checks, the 1,000-id batch cap.
 *
 * @module
 */
import { badParameter, SimulatorErrorCode, SimulatorHttpError } from '../errors.js';
import { isJsonObject, type JsonObject } from '../json.js';
import { compileQql, QqlError, type QqlFieldMap, type QqlPredicate } from '../qql.js';
import type { RouteContext } from '../router.js';

/** Most ids a batch lookup accepts (qualysdk sends 1,000 per call, docs/qualys-api.md §13). */
export const MAX_BATCH_IDS = 1000;

/**
 * Compiles a QQL parameter, answering 400 for a bad query.
 *
 * @param parameter - the parameter's name (`filter`, `query`, `havingQuery`), for the message.
 * @param text - the query; absent or blank matches everything.
 * @param fields - the resource's tokens.
 * @param resource - the resource's name.
 * @throws SimulatorHttpError 400 (9002) naming the parameter, the position and the problem.
 */
export function compileParameter<T>(
  parameter: string,
  text: unknown,
  fields: QqlFieldMap<T>,
  resource: string,
): QqlPredicate<T> {
  if (text !== undefined && text !== null && typeof text !== 'string') {
    throw badParameter(`Invalid ${parameter}: expected a QQL string`);
  }
  try {
    return compileQql(text, fields, resource);
  } catch (error) {
    if (error instanceof QqlError) {
      throw new SimulatorHttpError(400, SimulatorErrorCode.BAD_QQL, `Invalid ${parameter}: ${error.message}`);
    }
    throw error;
  }
}

/**
 * The body as a JSON object.
 *
 * @param ctx - the request.
 * @param required - whether an empty body is an error; otherwise it reads as `{}`.
 * @throws SimulatorHttpError 400 (9001) when not a JSON object (or empty while required).
 */
export function bodyObject(ctx: RouteContext, required: boolean): JsonObject {
  const body = ctx.json();
  if (body === undefined && !required) {
    return {};
  }
  if (!isJsonObject(body)) {
    throw badParameter('Invalid request body: expected a JSON object');
  }
  return body;
}

/**
 * Answers 400 when a batch is larger than {@link MAX_BATCH_IDS}.
 *
 * @param what - the list's name, for the message.
 * @param count - its length.
 * @throws SimulatorHttpError 400 (9003).
 */
export function assertBatchSize(what: string, count: number): void {
  if (count > MAX_BATCH_IDS) {
    throw new SimulatorHttpError(
      400,
      SimulatorErrorCode.LIMIT_EXCEEDED,
      `Too many ${what}: ${count} given, at most ${MAX_BATCH_IDS} per request`,
    );
  }
}

/**
 * Removes duplicates, keeping the first occurrence.
 */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
