import { createHash } from 'node:crypto';
import { getOperationAST, parse } from 'graphql';

/**
 * Apollo's persisted query manifest, the file `@apollo/generate-persisted-query-manifest` writes from
 * a client's source and Apollo Client's `generatePersistedQueryIdsFromManifest` reads:
 * https://www.apollographql.com/docs/graphos/operations/persisted-queries
 */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

export interface ManifestOperation {
  /** The SHA-256 (hex) of `body`: the hash APQ clients send as `extensions.persistedQuery.sha256Hash`. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The document exactly as clients send it. */
  body: string;
}

const TYPES = new Set(['query', 'mutation', 'subscription']);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Checks a parsed manifest file. Ids must be the SHA-256 of their body (the generator's default):
 * then a client may send an operation by id, by body, or both, and all three name the same entry.
 */
export function parseManifest(json: unknown): PersistedQueryManifest {
  const manifest = json as Partial<PersistedQueryManifest> | null;
  if (manifest?.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error('expected {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [...]}');
  }
  manifest.operations.forEach((operation: Partial<ManifestOperation>, index) => {
    const { id, name, type, body } = operation ?? {};
    if (typeof id !== 'string' || typeof name !== 'string' || typeof body !== 'string' || typeof type !== 'string' || !TYPES.has(type)) {
      throw new Error(`operations[${index}] needs string id, name and body, and type query, mutation or subscription`);
    }
    if (id !== sha256(body)) throw new Error(`operations[${index}] (${name}): id is not the SHA-256 of its body`);
  });
  return manifest as PersistedQueryManifest;
}

/** A manifest of named documents, one operation each (how the GraphiQL examples are written). */
export function buildManifest(documents: { name: string; query: string }[]): PersistedQueryManifest {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: documents.map(({ name, query }) => {
      const operation = getOperationAST(parse(query));
      if (!operation) throw new Error(`${name}: expected exactly one operation`);
      return { id: sha256(query), name, type: operation.operation, body: query };
    }),
  };
}
