/**
 * The hook through which per-request concerns see upstream calls without the client knowing them:
 * tracing (a span per call, `traceparent` sent along) and the audit log (which stores and resources
 * a request touched). The client tells every observer when a call starts and how it ended.
 */
import type { ApiKind } from './errors.js';

/** What an observer learns of a call: never its query values or body. */
export interface ObservedCall {
  kind: ApiKind;
  method: string;
  /** Path below the API root (resource names and ids, no query). */
  path: string;
  /** True when the call goes to an external DICOMweb server, not the API root. */
  external: boolean;
}

/** How a call ended: the HTTP status, or why there was none. */
export interface CallOutcome {
  status: number | 'network' | 'timeout' | 'credentials' | 'refused';
  /** Attempts after the first. */
  retries: number;
}

export interface CallWatch {
  /** Headers to send with the call (to the API root only). */
  headers?: Readonly<Record<string, string>>;
  ended(outcome: CallOutcome): void;
}

export interface UpstreamObserver {
  callStarted(call: ObservedCall): CallWatch | undefined;
}

/** One watch over all observers' watches; undefined when nobody watches (the common, free case). */
export function watchCall(observers: readonly UpstreamObserver[], call: ObservedCall): CallWatch | undefined {
  if (observers.length === 0) return undefined;
  const watches = observers.map((observer) => observer.callStarted(call)).filter((watch) => watch !== undefined);
  if (watches.length === 0) return undefined;
  return {
    headers: Object.assign({}, ...watches.map((watch) => watch.headers)),
    ended: (outcome) => watches.forEach((watch) => watch.ended(outcome)),
  };
}

/** Segments after which an id follows. */
const COLLECTIONS = new Set(['projects', 'locations', 'datasets', 'fhirStores', 'dicomStores', 'hl7V2Stores', 'consentStores', 'operations', 'studies', 'series', 'instances', 'frames', 'messages', '_history']);
/** Further fixed words of the API. */
const FIXED_SEGMENTS = new Set([...COLLECTIONS, 'fhir', 'dicomWeb', 'rendered', 'metadata', 'bulkdata', '_search']);

/**
 * A call's path with every id replaced by `{}`: what spans show, so that no patient id reaches a
 * trace backend. Fixed words, FHIR resource types (the segment after `fhir`), `$operations` and
 * `:verbs` stay.
 */
export function pathTemplate(path: string): string {
  const segments = path.split('/');
  return segments.map((segment, index) => {
    const previous = segments[index - 1];
    const verb = /:[A-Za-z]+$/.exec(segment)?.[0] ?? '';
    if (previous !== undefined && COLLECTIONS.has(previous)) return `{}${verb}`;
    if (FIXED_SEGMENTS.has(segment) || segment.startsWith('$')) return segment;
    if (previous === 'fhir' && /^[A-Z][A-Za-z]*$/.test(segment)) return segment;
    return `{}${verb}`;
  }).join('/');
}
