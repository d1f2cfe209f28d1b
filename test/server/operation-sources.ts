/**
 * The operations of `schema/operations/*.graphql`, each as a standalone document: the operation
 * plus the fragments it uses (fragments live in their own files, several operations share one),
 * found as the persisted-operations manifest finds them (`fragmentsOf`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type FragmentDefinitionNode, Kind, parse, print } from 'graphql';
import { fragmentsOf } from '../../src/server/plugins/use-persisted-operations.js';

/** One named operation: its file, name and the printed document (operation + fragments). */
export interface OperationSource {
  file: string;
  name: string;
  document: string;
}

/** Reads every operation of `schema/operations/`. */
export function operationSources(): OperationSource[] {
  const dir = new URL('../../schema/operations/', import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const parsed = files.map((file) => ({ file, doc: parse(readFileSync(new URL(file, dir), 'utf8')) }));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { doc } of parsed) {
    for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  }
  const out: OperationSource[] = [];
  for (const { file, doc } of parsed) {
    for (const op of doc.definitions) {
      if (op.kind !== Kind.OPERATION_DEFINITION) continue;
      const document = print({ kind: Kind.DOCUMENT, definitions: [op, ...fragmentsOf(op, fragments)] });
      out.push({ file, name: op.name?.value ?? '(anonymous)', document });
    }
  }
  return out;
}
