import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { PrefixingKeyValueCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';
import { parseManifest, sha256 } from './persisted-query-manifest.js';

/** The operations a server in safelist mode runs (`PERSISTED_QUERIES=safelist`), by id. */
export class Safelist {
  private readonly bodies: Map<string, string>;

  constructor(operations: { id: string; body: string }[]) {
    this.bodies = new Map(operations.map((operation) => [operation.id, operation.body]));
  }

  get size(): number {
    return this.bodies.size;
  }

  body(id: string): string | undefined {
    return this.bodies.get(id);
  }
}

/** Reads a persisted query manifest (`SAFELIST_FILE`); throws an Error naming the file and the problem. */
export function loadSafelist(file: string): Safelist {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new Error(`${file}: ${reason}`, { cause: error });
  }
  try {
    return new Safelist(parseManifest(json).operations);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Apollo's APQ cache in safelist mode: a hash-only request finds its document in the manifest, and
 * registering (a hash sent with its document) stores nothing. Apollo prefixes APQ keys unless the
 * cache is marked as not needing it; the manifest is keyed by bare ids.
 */
export function safelistCache(safelist: Safelist): KeyValueCache<string> {
  return PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation({
    async get(id: string) {
      return safelist.body(id);
    },
    async set() {},
    async delete() {
      return false;
    },
  });
}

const REFUSAL = {
  message: 'This server runs registered operations only, and this one is not registered.',
  extensions: { code: 'FORBIDDEN' },
};

/**
 * Refuses every operation whose document or id is not in the safelist, with FORBIDDEN and HTTP 400,
 * before execution. A request with neither a document nor a hash is left to Apollo's own error.
 *
 * Apollo parses and validates a document before any hook may refuse it, and may fail there first
 * (or, for an unknown id, answer PERSISTED_QUERY_NOT_FOUND, which would only make a client resend a
 * document that is refused anyway); so the refusal is thrown in `didResolveOperation`, which stops
 * execution, and put in place of whatever error was sent in `willSendResponse`. List this plugin
 * after the query-limits plugin, whose size errors it overrides, and before observability.
 */
export function safelistPlugin(safelist: Safelist): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      const id = request.query ? sha256(request.query) : request.extensions?.persistedQuery?.sha256Hash;
      if (id === undefined || safelist.body(id) !== undefined) return;
      return {
        async didResolveOperation() {
          throw new GraphQLError(REFUSAL.message, { extensions: { ...REFUSAL.extensions } });
        },
        async willSendResponse({ response }) {
          response.body = { kind: 'single', singleResult: { errors: [{ message: REFUSAL.message, extensions: { ...REFUSAL.extensions } }] } };
          response.http.status = 400;
        },
      };
    },
  };
}
