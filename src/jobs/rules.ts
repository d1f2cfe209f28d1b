/**
 * Running the job rules (`./rule-table.ts`) on a spec or view, and the rule table as the README
 * prints it. The rules' vocabulary (codes, limits, shape) is `./rule-kit.ts`.
 */
import {
  JOB_LIMITS,
  JOB_RULE_CODES,
  type JobKind,
  type JobRule,
  type JobRuleCode,
  type JobSpecIssue,
  type ReportIssue,
} from './rule-kit.js';
import { JOB_RULES } from './rule-table.js';
import type { MitigationJobView, PatchJobView } from './spec.js';

export {
  JOB_LIMITS,
  JOB_RULE_CODES,
  JOB_RULES,
  type JobKind,
  type JobRule,
  type JobRuleCode,
  type JobSpecIssue,
};

/** A row of the rule table: what the README prints. */
export interface JobRuleRow {
  readonly name: string;
  readonly code: JobRuleCode;
  readonly appliesTo: readonly JobKind[];
  readonly rule: string;
  readonly source: string;
}

/** {@link JOB_RULES} as table rows (name, code, job kinds, rule, source). */
export const JOB_RULE_TABLE: readonly JobRuleRow[] = JOB_RULES.map((r) => ({
  name: r.name,
  code: r.code,
  appliesTo: [...(r.patch ? (['PATCH'] as const) : []), ...(r.mitigation ? (['MITIGATION'] as const) : [])],
  rule: r.rule,
  source: r.source,
}));

function runRules<V>(
  view: V,
  pick: (rule: JobRule) => ((view: V, report: ReportIssue) => void) | undefined,
): JobSpecIssue[] {
  const issues: JobSpecIssue[] = [];
  for (const rule of JOB_RULES) {
    const check = pick(rule);
    check?.(view, (path, message) =>
      issues.push({ path: [...path], code: rule.code, message, rule: rule.name }),
    );
  }
  return issues;
}

/**
 * Runs every patch job rule on a spec or view and returns every violation (not just the first),
 * in rule order. Unknown (`undefined`) parts are skipped.
 */
export function checkPatchJobRules(view: PatchJobView): JobSpecIssue[] {
  return runRules(view, (rule) => rule.patch);
}

/** Runs every mitigation job rule on a spec or view; see {@link checkPatchJobRules}. */
export function checkMitigationJobRules(view: MitigationJobView): JobSpecIssue[] {
  return runRules(view, (rule) => rule.mitigation);
}
