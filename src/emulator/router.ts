/**
 * Path matching for Google-style REST routes: `{param}` segments, an optional trailing `{param=**}`
 * that captures the rest of the path, and custom methods written as a `:verb` suffix.
 */

import type { Reply } from './reply.js';
import type { EmulatorRequest } from './request.js';

/** Answers one matched request. Throw an `ApiError` to answer with a Google error envelope. */
export type Handler = (ctx: EmulatorRequest) => Promise<Reply> | Reply;

/** One REST method. */
export interface Route {
  method: string;
  /**
   * Pattern such as `/v1/projects/{project}/locations/{location}/datasets/{dataset}:getIamPolicy`.
   * `{name}` matches one non-empty segment (decoded, without `/`); a final `{name=**}` matches zero or more segments.
   */
  path: string;
  /**
   * The query parameters the method binds (camelCase); anything else, except Google's system
   * parameters, is rejected with 400. `'any'` hands every parameter to the handler (FHIR search).
   */
  query: readonly string[] | 'any';
  /** Request body limit in bytes (default 10 MB, Google's limit for most methods). */
  maxBodyBytes?: number;
  handle: Handler;
}

/** A route that matched a request, with its decoded path parameters. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'tail'; name: string };

interface CompiledRoute {
  route: Route;
  segments: Segment[];
  verb: string | undefined;
}

/** Splits `a/b/c:verb` into the path and the verb, looking only at the last segment. */
function splitVerb(path: string): { path: string; verb: string | undefined } {
  const lastSlash = path.lastIndexOf('/');
  const colon = path.indexOf(':', lastSlash + 1);
  if (colon < 0) return { path, verb: undefined };
  return { path: path.slice(0, colon), verb: path.slice(colon + 1) };
}

function compile(route: Route): CompiledRoute {
  const { path, verb } = splitVerb(route.path);
  const parts = path.split('/').slice(1);
  const segments = parts.map((part, index): Segment => {
    const tail = /^\{(\w+)=\*\*\}$/.exec(part);
    if (tail?.[1] !== undefined) {
      if (index !== parts.length - 1) throw new Error(`${route.path}: {${tail[1]}=**} must be last`);
      return { kind: 'tail', name: tail[1] };
    }
    const param = /^\{(\w+)\}$/.exec(part);
    if (param?.[1] !== undefined) return { kind: 'param', name: param[1] };
    if (/[{}]/.test(part)) throw new Error(`${route.path}: malformed segment "${part}"`);
    return { kind: 'literal', text: part };
  });
  return { route, segments, verb };
}

function decodeSegments(path: string): string[] | undefined {
  try {
    return path.split('/').slice(1).map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

function matchSegments(segments: Segment[], actual: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    if (segment.kind === 'tail') {
      params[segment.name] = actual.slice(i).join('/');
      return params;
    }
    const value = actual[i];
    if (value === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (value !== segment.text) return undefined;
    } else {
      // A `%2F` inside a segment would make the resource name ambiguous.
      if (value === '' || value.includes('/')) return undefined;
      params[segment.name] = value;
    }
  }
  return actual.length === segments.length ? params : undefined;
}

/**
 * An ordered route table. The verb is taken from the raw (still percent-encoded) last segment, so
 * an id containing `:` is reachable when the client encodes it as `%3A`, as with Google.
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  /** Adds routes; earlier routes win when several match. */
  add(...routes: Route[]): this {
    for (const route of routes) this.routes.push(compile(route));
    return this;
  }

  /**
   * Finds the route for a request. `undefined` both for an unknown path and for a known path with
   * another method: Google's front end answers both with the same HTML 404.
   */
  match(method: string, rawPathname: string): RouteMatch | undefined {
    const { path, verb } = splitVerb(rawPathname);
    const actual = decodeSegments(path);
    if (actual === undefined) return undefined;
    for (const compiled of this.routes) {
      if (compiled.route.method !== method || compiled.verb !== verb) continue;
      const params = matchSegments(compiled.segments, actual);
      if (params !== undefined) return { route: compiled.route, params };
    }
    return undefined;
  }
}
