/**
 * The operations of `schema/operations/*.graphql`, each as a standalone document: the operation
 * plus the fragments it uses (fragments live in their own files, several operations share one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  visit,
} from 'graphql';

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
  const used = (node: DefinitionNode, seen: Set<string>): void => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (seen.has(name)) return;
        seen.add(name);
        const f = fragments.get(name);
        if (f !== undefined) used(f, seen);
      },
    });
  };
  const out: OperationSource[] = [];
  for (const { file, doc } of parsed) {
    for (const d of doc.definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION) continue;
      const op: OperationDefinitionNode = d;
      const seen = new Set<string>();
      used(op, seen);
      const document: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [op, ...[...seen].flatMap((n) => fragments.get(n) ?? [])],
      };
      out.push({ file, name: op.name?.value ?? '(anonymous)', document: print(document) });
    }
  }
  return out;
}
