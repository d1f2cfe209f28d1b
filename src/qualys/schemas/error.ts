/**
 * Wire schemas for Qualys error bodies: the PM/MTG `_error` envelope (seed 003:
 * `{"_error":{"code":400,"errorCode":"2435","message":"..."}}`; qualysdk checks
 * `_error.errorCode == "2501"`) and the gateway's 401 body (`{"status":401,"error":
 * "Unauthorized","message":"JWT expired"}`, docs/qualys-api.md §2).
 */
import { z } from 'zod';
import { optionalNumber, optionalString } from './common.js';

/** The `_error` envelope. `errorCode` is a digit string; `code` the HTTP status. */
export const QualysErrorEnvelopeSchema = z.object({
  _error: z.looseObject({
    code: optionalNumber,
    errorCode: z
      .union([z.string(), z.number()])
      .nullish()
      .transform((v) => (v === null || v === undefined ? null : String(v))),
    message: optionalString,
  }),
});
/** Output of {@link QualysErrorEnvelopeSchema}. */
export type QualysErrorEnvelope = z.output<typeof QualysErrorEnvelopeSchema>;

/** The API gateway's own error body (401 and others). */
export const QualysGatewayErrorSchema = z.looseObject({
  status: optionalNumber,
  error: optionalString,
  message: optionalString,
});
