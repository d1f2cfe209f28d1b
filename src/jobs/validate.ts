/**
 * Validation of job specs: the shape (zod schemas of `./spec.ts`) and then every rule of
 * `./rules.ts`, reporting every broken rule, not just the first.
 */
import type { z } from 'zod';
import { mitigationJobUpdateView, patchJobUpdateView } from './merge.js';
import { checkMitigationJobRules, checkPatchJobRules, type JobSpecIssue } from './rules.js';
import {
  type MitigationJobSpec,
  MitigationJobSpecSchema,
  type MitigationJobUpdateSpec,
  MitigationJobUpdateSpecSchema,
  type PatchJobSpec,
  PatchJobSpecSchema,
  type PatchJobUpdateSpec,
  PatchJobUpdateSpecSchema,
} from './spec.js';

/** The outcome of a validation: the parsed spec, or every issue found. */
export type JobSpecValidation<T> =
  | { readonly ok: true; readonly spec: T }
  | { readonly ok: false; readonly issues: readonly JobSpecIssue[] };

/** Zod shape issues as {@link JobSpecIssue}s: a missing value is `REQUIRED`, anything else `INVALID_VALUE`. */
function shapeIssues(error: z.ZodError): JobSpecIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String),
    code: issue.code === 'invalid_type' && issue.input === undefined ? 'REQUIRED' : 'INVALID_VALUE',
    message: issue.message,
    rule: 'SHAPE',
  }));
}

function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  rules: (spec: z.output<S>) => readonly JobSpecIssue[],
): JobSpecValidation<z.output<S>> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: shapeIssues(parsed.error) };
  const issues = rules(parsed.data);
  return issues.length === 0 ? { ok: true, spec: parsed.data } : { ok: false, issues };
}

/**
 * Validates a patch job create input (`CreatePatchJobInput`): parses it into a full
 * {@link PatchJobSpec} with defaults, then checks every rule.
 * Shape: `unknown` -> `{ok: true, spec}` | `{ok: false, issues}` (every broken rule, paths into
 * the input). Makes no call; pure.
 */
export function validatePatchJobSpec(input: unknown): JobSpecValidation<PatchJobSpec> {
  return validate(PatchJobSpecSchema, input, checkPatchJobRules);
}

/**
 * Validates a patch job update input (`UpdatePatchJobInput`) on its own, before the current job
 * is read: shape, then every rule decidable from the input alone (ranges, e-mails, time zones,
 * a replaced schedule or patch selection, ...). The merged job is checked again with
 * {@link checkPatchJobSpec}. Pure.
 */
export function validatePatchJobUpdateSpec(input: unknown): JobSpecValidation<PatchJobUpdateSpec> {
  return validate(PatchJobUpdateSpecSchema, input, (update) =>
    checkPatchJobRules(patchJobUpdateView(update)),
  );
}

/** Every rule violation of a full patch job spec (e.g. a current job merged with an update). Pure. */
export function checkPatchJobSpec(spec: PatchJobSpec): JobSpecIssue[] {
  return checkPatchJobRules(spec);
}

/** Validates a mitigation job create input (`CreateMitigationJobInput`); see {@link validatePatchJobSpec}. */
export function validateMitigationJobSpec(input: unknown): JobSpecValidation<MitigationJobSpec> {
  return validate(MitigationJobSpecSchema, input, checkMitigationJobRules);
}

/** Validates a mitigation job update input on its own; see {@link validatePatchJobUpdateSpec}. */
export function validateMitigationJobUpdateSpec(input: unknown): JobSpecValidation<MitigationJobUpdateSpec> {
  return validate(MitigationJobUpdateSpecSchema, input, (update) =>
    checkMitigationJobRules(mitigationJobUpdateView(update)),
  );
}

/** Every rule violation of a full mitigation job spec. Pure. */
export function checkMitigationJobSpec(spec: MitigationJobSpec): JobSpecIssue[] {
  return checkMitigationJobRules(spec);
}
