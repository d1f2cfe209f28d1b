/**
 * Small node:http helpers: reading a request body, writing JSON and text answers.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimulatorErrorCode, SimulatorHttpError } from './errors.js';

/** Largest request body accepted, in bytes (1 MiB; a 1000-UUID catalog request is ~40 KB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the whole request body as UTF-8.
 *
 * @param req - the request.
 * @param limitBytes - largest accepted size; default {@link MAX_BODY_BYTES}.
 * @returns the body text (`''` when empty).
 * @throws SimulatorHttpError 413 (9003) when larger than the limit.
 */
export async function readBody(req: IncomingMessage, limitBytes = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limitBytes) {
      throw new SimulatorHttpError(
        413,
        SimulatorErrorCode.LIMIT_EXCEEDED,
        `Request body exceeds ${limitBytes} bytes`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses a body as JSON without throwing.
 *
 * @returns the value, or `null` when the body is empty or not JSON.
 */
export function tryParseJson(text: string): unknown {
  if (text.trim() === '') {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Writes an answer and ends the response; does nothing when the connection is already gone.
 *
 * @param res - the response.
 * @param status - HTTP status.
 * @param payload - body text (`''` for none).
 * @param headers - headers; `Content-Type` should be among them when there is a body.
 */
export function writeAnswer(
  res: ServerResponse,
  status: number,
  payload: string,
  headers: Record<string, string>,
): void {
  if (res.writableEnded || res.destroyed) {
    return;
  }
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value);
  }
  if (payload !== '') {
    res.setHeader('Content-Length', Buffer.byteLength(payload));
  }
  res.end(payload);
}

/** `Content-Type` of JSON answers. */
export const JSON_CONTENT_TYPE = 'application/json';
