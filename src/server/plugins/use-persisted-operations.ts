/**
 * Persisted operations (trusted documents): the operations of `schema/operations/` as a manifest
 * (`schema/persisted-operations.json`, written by `npm run codegen`: sha256 hex → document), and
 * `usePersistedOperations` (Yoga's `@graphql-yoga/plugin-persisted-operations`) wired to it.
 *
 * Modes (`PERSISTED_OPERATIONS`):
 * - `off`: the plugin is not installed; every document is accepted, ids are not understood.
 * - `allow`: a request may name a manifest operation by id instead of sending its text; arbitrary
 *   documents are still accepted.
 * - `only` (allow-list): only manifest operations run, named by id or sent as text that
 *   normalises ({@link normalizeDocument}) to a manifest document; everything else is refused
 *   before parsing, with zero upstream calls. Introspection documents (GraphiQL's schema fetch)
 *   and a federation router's `_entities` queries are refused too.
 *
 * Ids: `documentId` in the body (or the query string of a GET), `sha256:<hex>` or `<hex>`
 * (GraphQL-over-HTTP persisted documents), or Apollo's
 * `extensions.persistedQuery.sha256Hash` (version 1). Errors: `PERSISTED_QUERY_NOT_FOUND`
 * (unknown id, 404), `PERSISTED_QUERY_ONLY` (a document outside the manifest in `only` mode,
 * 400), `PERSISTED_QUERY_ID_REQUIRED` (neither text nor id, 400).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations as useYogaPersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
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
import type { GraphQLParams, Plugin } from 'graphql-yoga';

/** How persisted operations are enforced (see the module comment). */
export type PersistedOperationsMode = 'off' | 'allow' | 'only';

/** The persisted operations manifest: lowercase sha256 hex of a document → the document. */
export type PersistedOperationsManifest = Readonly<Record<string, string>>;

/** Where `npm run codegen` writes the manifest, relative to the repository root. */
export const PERSISTED_OPERATIONS_PATH = 'schema/persisted-operations.json';

/** The request body field that carries a persisted operation id (besides Apollo's extension). */
export const DOCUMENT_ID_PARAM = 'documentId';

/** Most lexical tokens parsed when matching a sent text against the manifest (`only` mode). */
const MAX_MATCH_TOKENS = 10_000;

/** The lowercase hex sha256 of a document's UTF-8 text: its id in the manifest. */
export function hashDocument(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/**
 * The canonical text of a document: operations in their order, then fragments sorted by name,
 * printed by graphql-js (no comments, standard spacing). Two texts that differ only in
 * formatting, comments or fragment order normalise to the same string.
 */
export function normalizeDocument(document: DocumentNode): string {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = document.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0));
  const definitions: DefinitionNode[] = [...operations, ...fragments];
  return print({ kind: Kind.DOCUMENT, definitions });
}

/**
 * The fragments `operation` spreads, directly or through other fragments, looked up by name in
 * `fragments` (unknown names are skipped); each once. Shape: operation + name → fragment map in,
 * fragment definitions out.
 */
export function fragmentsOf(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const queue: Array<OperationDefinitionNode | FragmentDefinitionNode> = [operation];
  for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (fragment === undefined || found.has(name)) return;
        found.set(name, fragment);
        queue.push(fragment);
      },
    });
  }
  return [...found.values()];
}

/**
 * Builds the manifest from the operation documents (`schema/operations/*.graphql`): one entry per
 * operation, its document being the operation plus the fragments it uses (from any of the
 * documents), normalised by {@link normalizeDocument} and keyed by {@link hashDocument}. Keys are
 * sorted, so the JSON is stable.
 * @throws Error when two operations share a name.
 */
export function buildPersistedOperationsManifest(
  documents: readonly DocumentNode[],
): PersistedOperationsManifest {
  const definitions = documents.flatMap((d) => d.definitions);
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f] as const),
  );
  const names = new Set<string>();
  const entries: Array<[string, string]> = [];
  for (const operation of definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
    const name = operation.name?.value ?? '';
    if (names.has(name)) throw new Error(`two operations are named ${name || '(anonymous)'}`);
    names.add(name);
    const text = normalizeDocument({
      kind: Kind.DOCUMENT,
      definitions: [operation, ...fragmentsOf(operation, fragments)],
    });
    entries.push([hashDocument(text), text]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/**
 * Reads the committed manifest (`schema/persisted-operations.json`).
 * @throws Error when the file is missing or not JSON (run `npm run codegen`).
 */
export function readPersistedOperationsManifest(): PersistedOperationsManifest {
  const url = new URL(`../../../${PERSISTED_OPERATIONS_PATH}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as PersistedOperationsManifest;
}

/** Options of {@link usePersistedOperations}. */
export interface PersistedOperationsOptions {
  /** `allow` or `only` (`off` means: do not install the plugin). */
  mode: Exclude<PersistedOperationsMode, 'off'>;
  /** The manifest. Default: {@link readPersistedOperationsManifest}. */
  manifest?: PersistedOperationsManifest | undefined;
}

/** The persisted operation id of a request: `documentId` (body or GET query string), else Apollo's. */
function extractId(params: GraphQLParams, request: Request): string | null {
  const fromBody = (params as Record<string, unknown>)[DOCUMENT_ID_PARAM];
  if (typeof fromBody === 'string') return fromBody;
  if (request.method === 'GET') {
    const fromUrl = new URL(request.url).searchParams.get(DOCUMENT_ID_PARAM);
    if (fromUrl !== null) return fromUrl;
  }
  const persistedQuery = params.extensions?.['persistedQuery'] as
    | { version?: unknown; sha256Hash?: unknown }
    | undefined;
  if (persistedQuery?.version === 1 && typeof persistedQuery.sha256Hash === 'string') {
    return persistedQuery.sha256Hash;
  }
  return null;
}

/** Whether a sent text normalises to a manifest document (a parse failure is no match). */
function isManifestText(query: string, documents: ReadonlySet<string>): boolean {
  try {
    return documents.has(normalizeDocument(parse(query, { noLocation: true, maxTokens: MAX_MATCH_TOKENS })));
  } catch {
    return false;
  }
}

/**
 * The plugins (see the module comment): a matcher that marks requests whose text is a manifest
 * document, then Yoga's `usePersistedOperations` resolving ids against the manifest. Put them
 * before parsing plugins; the gateway must also list {@link DOCUMENT_ID_PARAM} in Yoga's
 * `extraParamNames`.
 */
export function usePersistedOperations(options: PersistedOperationsOptions): Plugin[] {
  const manifest = options.manifest ?? readPersistedOperationsManifest();
  const documents = new Set(Object.values(manifest));
  const trusted = new WeakSet<Request>();
  const matcher: Plugin = {
    onParams({ params, request }) {
      if (
        options.mode === 'only' &&
        typeof params.query === 'string' &&
        isManifestText(params.query, documents)
      ) {
        trusted.add(request);
      }
    },
  };
  const persisted = useYogaPersistedOperations({
    getPersistedOperation: (id) => {
      const hex = id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
      return Object.hasOwn(manifest, hex) ? (manifest[hex] ?? null) : null;
    },
    allowArbitraryOperations: options.mode === 'allow' ? true : (request) => trusted.has(request),
    extractPersistedOperationId: extractId,
    customErrors: {
      notFound: {
        message: 'Persisted operation not found: the id is not in the manifest',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } },
      },
      persistedQueryOnly: {
        message:
          'Only persisted operations are accepted: send a documentId (or the exact text) of an operation in the manifest',
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Must provide a query or a persisted operation id (documentId or extensions.persistedQuery)',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
      },
    },
  });
  return [matcher, persisted as Plugin];
}
