/**
 * How Qualys answers are read: a body parsed as JSON once, the `_error` envelope, the wait Qualys
 * asks for (`Retry-After`, `X-RateLimit-ToWait-Sec`), and the mapping of an answer to the error
 * it stands for (docs/qualys-api.md §2, §3, §5). Qualys' own message is sanitised before it
 * reaches an error (`./redact.ts`). Internal to `src/qualys/`.
 */

import { z } from 'zod';
import { LARGE_ANSWER_CHARS, yieldToEventLoop } from './deadlines.js';
import {
  QualysBadPayloadError,
  QualysBadRequestError,
  type QualysError,
  QualysHttpError,
  QualysNotFoundError,
  QualysRateLimitedError,
  QualysRecordCapError,
  QualysUnauthorizedError,
} from './errors.js';
import type { HttpHeaders, HttpResponse } from './http.js';
import { redactUpstreamDetails } from './redact.js';
import { parseWire } from './schemas/fast.js';
import { type QualysErrorEnvelope, QualysErrorEnvelopeSchema } from './schemas/index.js';

/** Result of {@link parseJsonText}. */
export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/** Parses a body as JSON; an empty (or blank) body is `{ ok: true, value: undefined }`. */
export function parseJsonText(text: string): JsonParseResult {
  // `/\S/` stops at the first non-blank character; `trim()` would copy a multi-MB page.
  if (!/\S/.test(text)) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The `_error` envelope in a parsed body, when the body has one (any other keys allowed). */
function findEnvelope(value: unknown): QualysErrorEnvelope | null {
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('_error' in value)) return null;
  const parsed = QualysErrorEnvelopeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** True when a parsed 2xx body is exactly `{"_error": {...}}`: an error sent with HTTP 200. */
function isBareEnvelope(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    findEnvelope(value) !== null
  );
}

/** Longest Qualys `_error.message` kept in an error message, in characters. */
export const MAX_UPSTREAM_MESSAGE_CHARS = 300;

/**
 * Makes Qualys' user-facing `_error.message` safe to show: the given secrets are replaced with
 * `[redacted]`, then URLs, IP addresses, credentials, JWTs and absolute paths (which Qualys may
 * echo) as by `redactUpstreamDetails`; control characters and runs of whitespace become one
 * space, and the result is cut to {@link MAX_UPSTREAM_MESSAGE_CHARS} characters (ending in `…`
 * when cut).
 */
export function sanitizeUpstreamMessage(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) {
    if (secret.length > 0) out = replaceAllIgnoringCase(out, secret, '[redacted]');
  }
  out = redactUpstreamDetails(out);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  out = out.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return out.length > MAX_UPSTREAM_MESSAGE_CHARS ? `${out.slice(0, MAX_UPSTREAM_MESSAGE_CHARS - 1)}…` : out;
}

/** `text` with every occurrence of `search` (compared case-insensitively) replaced by `by`. */
function replaceAllIgnoringCase(text: string, search: string, by: string): string {
  const escaped = search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(escaped, 'gi'), () => by);
}

/** The first value of a response header (`name` in lower case), or `undefined`. */
export function headerValue(headers: HttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/**
 * How long Qualys asked the caller to wait, in milliseconds: `Retry-After` (seconds or an HTTP
 * date, relative to `now`), else `X-RateLimit-ToWait-Sec` (seconds). `undefined` when neither
 * header is usable.
 */
export function retryAfterMsFrom(headers: HttpHeaders, now: () => number): number | undefined {
  const retryAfter = headerValue(headers, 'retry-after');
  if (retryAfter !== undefined) {
    if (SECONDS.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now());
  }
  const toWait = headerValue(headers, 'x-ratelimit-towait-sec');
  if (toWait !== undefined && SECONDS.test(toWait)) return Math.round(Number(toWait) * 1000);
  return undefined;
}

/**
 * The error an answer stands for, or `null` when it is a success.
 *
 * Mapping (docs/qualys-api.md §2, §3, §5), on the HTTP status or, for a 2xx body that is exactly
 * `{"_error":{...}}`, on `_error.code` (400 when absent):
 * - 401, 403 → {@link QualysUnauthorizedError} `QUALYS_UNAUTHORIZED`;
 * - 409, 429 → {@link QualysRateLimitedError} `QUALYS_RATE_LIMITED` with `retryAfterMs`;
 * - `_error.errorCode` "2501" → {@link QualysHttpError} `QUALYS_RECORD_CAP`;
 * - 404 or `_error.code` 404 → {@link QualysNotFoundError} `QUALYS_NOT_FOUND`;
 * - 400 with `_error` → {@link QualysHttpError} `QUALYS_BAD_REQUEST`, message
 *   `Qualys rejected the request: <_error.message>` (sanitised, at most 300 characters);
 * - any other non-2xx → {@link QualysHttpError} `QUALYS_HTTP_STATUS`.
 * Every error carries the HTTP `status` and, when present, `qualysErrorCode`.
 *
 * @param secrets - strings that must never be echoed (tokens, password), redacted from
 *   `_error.message`.
 * @param parsed - `res.text` already parsed by the caller (so a large page is parsed once);
 *   parsed here when omitted.
 */
export function errorFromResponse(
  res: HttpResponse,
  endpoint: string,
  now: () => number,
  secrets: readonly string[],
  parsed: JsonParseResult = parseJsonText(res.text),
): QualysError | null {
  const ok = res.status >= 200 && res.status < 300;
  const body = parsed.ok ? parsed.value : undefined;
  if (ok && !isBareEnvelope(body)) return null;
  const envelope = findEnvelope(body)?._error ?? null;
  const effective = ok ? (envelope?.code ?? 400) : res.status;
  const qualysErrorCode = envelope?.errorCode ?? undefined;
  const init = { endpoint, status: res.status, qualysErrorCode };

  if (effective === 401 || effective === 403) {
    return new QualysUnauthorizedError(
      `Qualys rejected the credentials of the request (HTTP ${effective}, ${endpoint})`,
      init,
    );
  }
  if (effective === 409 || effective === 429) {
    const retryAfterMs = retryAfterMsFrom(res.headers, now);
    const wait = retryAfterMs === undefined ? '' : `; retry after ${retryAfterMs} ms`;
    return new QualysRateLimitedError(
      `Qualys rate or concurrency limit reached (HTTP ${effective}, ${endpoint})${wait}`,
      { ...init, retryAfterMs },
    );
  }
  if (qualysErrorCode === '2501') {
    return new QualysRecordCapError(
      `Qualys refused to page past its 10,000-record limit (${endpoint})`,
      init,
    );
  }
  if (effective === 404 || envelope?.code === 404) {
    return new QualysNotFoundError(`Qualys has no such resource (${endpoint})`, init);
  }
  if (effective === 400 && envelope) {
    const text = envelope.message ? sanitizeUpstreamMessage(envelope.message, secrets) : '';
    const message =
      text === ''
        ? `Qualys rejected the request (error ${qualysErrorCode ?? 'unknown'}, ${endpoint})`
        : `Qualys rejected the request: ${text}`;
    return new QualysBadRequestError(message, init);
  }
  return new QualysHttpError(`Qualys answered HTTP ${effective} (${endpoint})`, init);
}

/** The error for a body that is not JSON or does not match its schema; the message names the endpoint only. */
export function badPayload(endpoint: string, status: number): QualysBadPayloadError {
  return new QualysBadPayloadError(`Qualys sent an unexpected payload (${endpoint})`, {
    endpoint,
    status,
  });
}

/** What {@link readAnswer} needs of the endpoint (a `CallSpec` has it). */
export interface AnswerSpec<S extends z.ZodType> {
  /** Endpoint template, for errors and logs. */
  readonly endpoint: string;
  /** The wire schema of the answer. */
  readonly schema: S;
  /** A list endpoint: an empty body or JSON `null` is `[]`. */
  readonly list: boolean;
}

/** What {@link readAnswer} needs of the caller. */
export interface AnswerContext {
  /** Clock (epoch ms), for `Retry-After` dates. */
  readonly now: () => number;
  /** Strings never to echo from Qualys' `_error.message` (token, credentials, host forms). */
  readonly secrets: readonly string[];
  /** Where a body that is not JSON, or does not match its schema, is reported. */
  readonly logger: { warn(obj: Record<string, unknown>, msg?: string): void };
}

/**
 * Reads an answer that arrived: parses the body once, maps a failure status or `_error` envelope
 * to its {@link QualysError} (`errorFromResponse`), and checks the payload with the endpoint's
 * wire schema, through its compiled normaliser where one exists (`schemas/fast.ts`). A body that
 * is not JSON, or does not match, is `QUALYS_BAD_PAYLOAD` (the zod issues go to the log only).
 * An empty body or JSON `null` of a list endpoint is `[]`.
 * @throws QualysError as above.
 */
export function readAnswer<S extends z.ZodType>(
  res: HttpResponse,
  spec: AnswerSpec<S>,
  context: AnswerContext,
): { value: z.output<S>; headers: HttpHeaders } {
  // Parsed once: the error check and the payload share it (large pages cost ~25 % CPU twice).
  const json = parseJsonText(res.text);
  const failure = errorFromResponse(res, spec.endpoint, context.now, context.secrets, json);
  if (failure) throw failure;
  if (!json.ok) {
    context.logger.warn(
      { endpoint: spec.endpoint, status: res.status, bodyLength: res.text.length },
      'Qualys answered a body that is not JSON',
    );
    throw badPayload(spec.endpoint, res.status);
  }
  const input = spec.list && (json.value === undefined || json.value === null) ? [] : json.value;
  const parsed = parseWire(spec.schema, input);
  if (!parsed.success) {
    context.logger.warn(
      { endpoint: spec.endpoint, status: res.status, issues: z.prettifyError(parsed.error) },
      'Qualys payload does not match the wire schema',
    );
    throw badPayload(spec.endpoint, res.status);
  }
  return { value: parsed.data, headers: res.headers };
}

/**
 * {@link readAnswer}, with a large answer (from {@link LARGE_ANSWER_CHARS}) parsed, and its
 * fields then resolved, each in a task of its own ({@link yieldToEventLoop}): answers that
 * arrive together are otherwise handled in one chain of microtasks that holds the event loop.
 * @throws QualysError as {@link readAnswer}.
 */
export async function readAnswerInTurn<S extends z.ZodType>(
  res: HttpResponse,
  spec: AnswerSpec<S>,
  context: AnswerContext,
): Promise<{ value: z.output<S>; headers: HttpHeaders }> {
  const large = res.text.length >= LARGE_ANSWER_CHARS;
  if (large) await yieldToEventLoop();
  const answer = readAnswer(res, spec, context);
  if (large) await yieldToEventLoop();
  return answer;
}
