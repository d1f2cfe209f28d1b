/**
 * Argument validation schemas shared by the root fields (run by `@pothos/plugin-validation`
 * before the resolver; failures become `BAD_USER_INPUT`).
 */
import { z } from 'zod';

/**
 * A Qualys UUID argument. Qualys ids are GUIDs; the check keeps anything that is not made of
 * letters, digits and hyphens (path separators, query strings) away from upstream URLs.
 */
export const qualysIdSchema = z
  .string()
  .regex(/^[0-9A-Za-z-]{1,64}$/, 'must be a Qualys UUID (letters, digits and hyphens)');

/** A job run number (`jobInstanceId`). */
export const jobInstanceIdSchema = z.number().int().min(0, 'jobInstanceId must not be negative');
