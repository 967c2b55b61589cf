import { readFile } from 'node:fs/promises';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { countRefusal } from '../../observability/metrics.ts';

/** A persisted-documents manifest: id → document text (codegen's client preset writes one). */
export type TrustedDocuments = Readonly<Record<string, string>>;

/** Reads and checks a manifest file (`--trusted-documents FILE`). */
export async function readTrustedDocuments(path: string): Promise<TrustedDocuments> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`--trusted-documents ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`--trusted-documents ${path}: expected an object of id → document`);
  const entries = Object.entries(parsed);
  if (entries.length === 0) throw new Error(`--trusted-documents ${path}: the manifest lists no document`);
  for (const [id, document] of entries) {
    if (typeof document !== 'string' || document.trim() === '') throw new Error(`--trusted-documents ${path}: "${id.slice(0, 100)}" is not a document string`);
  }
  return Object.freeze(Object.fromEntries(entries)) as TrustedDocuments;
}

/**
 * Locks the gateway to known operations (`@graphql-yoga/plugin-persisted-operations`): a
 * request runs only when it names a listed document by id
 * (`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<id>"}}}`);
 * a document sent as text, or an unknown id, is refused before parsing.
 * The manifest's ids may carry codegen's `sha256:` prefix; clients may send the bare hash.
 */
export function useTrustedDocuments(options: { documents: TrustedDocuments }): Plugin {
  const byId = new Map<string, string>();
  for (const [id, document] of Object.entries(options.documents)) {
    byId.set(id, document);
    if (id.startsWith('sha256:')) byId.set(id.slice('sha256:'.length), document);
  }
  const persisted = usePersistedOperations({
    getPersistedOperation: (id) => byId.get(id) ?? null,
    allowArbitraryOperations: false,
    customErrors: {
      notFound: { message: 'Unknown operation id: this gateway runs only its trusted documents.', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } },
      persistedQueryOnly: { message: 'This gateway runs only trusted documents: send the operation id, not its text.', extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } } },
      keyNotFound: { message: 'Send the operation id in extensions.persistedQuery.sha256Hash.', extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } } },
    },
  });
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(persisted);
    },
    // The plugin throws its refusals before parsing; they are counted where the answer is made.
    onResultProcess({ result }) {
      if (Array.isArray(result) || typeof result !== 'object' || result === null || !('errors' in result)) return;
      const errors = (result as { errors?: readonly { extensions?: { code?: unknown } }[] }).errors ?? [];
      if (errors.some((error) => REFUSALS.has(String(error.extensions?.code)))) countRefusal('trusted_documents');
    },
  };
}

const REFUSALS = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_ONLY']);
