/**
 * `DeployAction` (interface) with `RunScriptAction`, `MitigationAction` and `Mitigation`: the
 * pre- and post-deployment actions of a job (Qualys `preDeployActions`/`postDeployActions`).
 */
import type { QualysPlatform } from '../../qualys/api.js';
import type { QualysDeployAction } from '../../qualys/schemas/index.js';
import {
  DeployAction,
  type DeployActionParent,
  Mitigation,
  MitigationAction,
  RunScriptAction,
  Vulnerability,
} from '../support/refs.js';
import { cost, refOne } from '../support/upstream-cost.js';

/** True for an "Apply Mitigation" action of a mitigation job (seed 003). */
export function isMitigationAction(action: QualysDeployAction): boolean {
  return (
    action.action?.trim().toLowerCase() === 'apply mitigation' ||
    action.mitigationList.length > 0 ||
    (action.params?.mitigationCategory ?? null) !== null
  );
}

/** Deploy action parents for a job's actions. */
export function deployActions(
  actions: readonly QualysDeployAction[],
  platform: QualysPlatform | null,
): DeployActionParent[] {
  return actions.map((action) => ({ action, platform }));
}

DeployAction.implement({
  description:
    'An action a job runs on each asset before or after deploying (Qualys `preDeployActions` / ' +
    '`postDeployActions`): a script (`RunScriptAction`) or a mitigation (`MitigationAction`).',
  resolveType: ({ action }) => (isMitigationAction(action) ? 'MitigationAction' : 'RunScriptAction'),
  fields: (t) => ({
    id: t.id({
      nullable: true,
      description: 'The action UUID (Qualys `actionId`); null on actions Qualys has not stored yet.',
      resolve: ({ action }) => action.actionId,
    }),
    action: t.string({
      nullable: true,
      description:
        'What the action does, as Qualys names it (`Run Script`, `Apply Mitigation`); null when absent.',
      resolve: ({ action }) => action.action,
    }),
    actionType: t.string({
      nullable: true,
      description: 'When it runs, as Qualys names it (`predeploy`, ...); null when absent.',
      resolve: ({ action }) => action.actionType,
    }),
    timeoutSeconds: t.int({
      nullable: true,
      description:
        'How long the action may run, in seconds (Qualys `params.timeout`, e.g. 180); null when unset.',
      resolve: ({ action }) => action.params?.timeout ?? null,
    }),
  }),
});

RunScriptAction.implement({
  description:
    'A script run on the asset (Qualys action `Run Script`), e.g. the Linux package-cache update pre-action ' +
    '(`defaultScriptType` MakeCache, release 3.5).',
  interfaces: [DeployAction],
  fields: (t) => ({
    scriptType: t.string({
      nullable: true,
      description: 'The script language (Qualys `scriptType`, e.g. `sh`); null when absent.',
      resolve: ({ action }) => action.scriptType,
    }),
    defaultScriptType: t.string({
      nullable: true,
      description:
        'The built-in script used (Qualys `params.defaultScriptType`, e.g. `MakeCache`); null for a custom script.',
      resolve: ({ action }) => action.params?.defaultScriptType ?? null,
    }),
    actionItem: t.string({
      nullable: true,
      description:
        'The action title (Qualys `params.actionItem`, e.g. "makecache Pre-Action"); null when absent.',
      resolve: ({ action }) => action.params?.actionItem ?? null,
    }),
    script: t.string({
      nullable: true,
      description:
        'The script reference Qualys stores (Qualys `script`, e.g. `default/MakeCache/makecache`); null when empty.',
      resolve: ({ action }) => action.script || null,
    }),
  }),
});

MitigationAction.implement({
  description:
    'A mitigation applied for one QID (Qualys action `Apply Mitigation` of a mitigation job, seed 3.12): ' +
    'virtual patching through registry or configuration changes instead of a patch. `vulnerability` needs the ' +
    'QID lookup: null with an error in `errors` when it fails.',
  interfaces: [DeployAction],
  fields: (t) => ({
    qid: t.int({
      nullable: true,
      description:
        'The QID mitigated (Qualys `params.qid`, a number even where Qualys sends a string); null when absent.',
      resolve: ({ action }) => action.params?.qid ?? null,
    }),
    vulnerability: t.field({
      ...cost({ rule: refOne }),
      type: Vulnerability,
      nullable: true,
      description:
        'The QID as a vulnerability (batched `POST /pm/v1/vulnerabilities`); null when the action names ' +
        'no QID or when Qualys does not know it.',
      resolve: ({ action }, _args, ctx) => {
        const qid = action.params?.qid ?? null;
        return qid === null ? null : ctx.loaders.vulnerabilitiesByQid.load(qid);
      },
    }),
    qidTitle: t.string({
      nullable: true,
      description:
        'The QID title as the job stores it (Qualys `params.qidTitle`); null when Qualys omits it (e.g. on create).',
      resolve: ({ action }) => action.params?.qidTitle ?? null,
    }),
    mitigationCategory: t.string({
      nullable: true,
      description:
        'The kind of mitigation (Qualys `params.mitigationCategory`, e.g. "Script-based Virtual Patch"); null when absent.',
      resolve: ({ action }) => action.params?.mitigationCategory ?? null,
    }),
    detectionScore: t.int({
      nullable: true,
      description: 'The Qualys detection score of the QID (Qualys `params.qds`); null when absent.',
      resolve: ({ action }) => action.params?.qds ?? null,
    }),
    mitigations: t.field({
      type: [Mitigation],
      nullable: false,
      description: 'The mitigations applied for the QID (Qualys `mitigationList`); empty when none.',
      resolve: ({ action }) => action.mitigationList,
    }),
  }),
});

Mitigation.implement({
  description: 'One mitigation of a mitigation action (an item of Qualys `mitigationList`).',
  fields: (t) => ({
    id: t.id({
      nullable: true,
      description: 'The mitigation UUID (Qualys `mitigationId`); null when absent.',
      resolve: (m) => m.mitigationId,
    }),
    type: t.string({
      nullable: true,
      description: 'How it mitigates (Qualys `mitigationType`, e.g. "Registry Update"); null when absent.',
      resolve: (m) => m.mitigationType,
    }),
    source: t.string({
      nullable: true,
      description: 'Where the mitigation comes from (Qualys `mitigationSource`); null when absent.',
      resolve: (m) => m.mitigationSource,
    }),
    cves: t.stringList({
      nullable: false,
      description:
        'The identifiers the mitigation covers as Qualys lists them (Qualys `cves`); empty when none.',
      resolve: (m) => m.cves,
    }),
    scriptId: t.id({
      nullable: true,
      description: 'The Qualys script id (Qualys `carScriptId`, a number upstream); null when absent.',
      resolve: (m) => (m.carScriptId === null ? null : String(m.carScriptId)),
    }),
    impactFactor: t.int({
      nullable: true,
      description: 'The impact factor Qualys assigns (Qualys `impactFactor`); null when absent.',
      resolve: (m) => m.impactFactor,
    }),
    implication: t.int({
      nullable: true,
      description: 'The implication code Qualys assigns (Qualys `implication`); null when absent.',
      resolve: (m) => m.implication,
    }),
  }),
});
