/**
 * The hand-written REST client of the `rest-optimal` and `rest-sequential` systems: plain `fetch`
 * against the Cloud Healthcare API root (the recording proxy). The same plan code serves both: in
 * `parallel` mode `all` runs a level's calls at once, in `sequential` mode one after another.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export type RestMode = 'parallel' | 'sequential';

const FHIR_JSON = 'application/fhir+json';
const DICOM_JSON = 'application/dicom+json';
const CALL_TIMEOUT_MS = 60_000;

export const DEMO_DATASET = 'projects/demo/locations/us-central1/datasets/demo';
export const DEMO_FHIR_STORE = `${DEMO_DATASET}/fhirStores/fhir`;
export const DEMO_DICOM_STORE = `${DEMO_DATASET}/dicomStores/dicom`;

export interface FhirResource {
  resourceType: string;
  id: string;
  [key: string]: unknown;
}

export interface Bundle {
  entry?: { resource?: FhirResource; search?: { mode?: string } }[];
  link?: { relation: string; url: string }[];
  total?: number;
}

export type DicomJson = Record<string, { vr?: string; Value?: unknown[] } | undefined>;

export class RestCallError extends Error {
  constructor(readonly status: number, url: string, body: string) {
    super(`GET ${url.split('?')[0]} answered ${status}: ${body.slice(0, 200)}`);
  }
}

export class RestClient {
  /** Calls made by this client. */
  calls = 0;

  constructor(
    /** API root including `/v1`. */
    readonly apiUrl: string,
    readonly mode: RestMode,
    /** A simulated network round trip each call waits first (the REST client run from a phone); 0 = none. */
    readonly rttMs = 0,
  ) {}

  /** GETs a path below the API root (or an absolute URL under it, e.g. a next link); null for 204. */
  async get<T>(path: string, query: [string, string][] = [], accept = 'application/json'): Promise<T | null> {
    const url = new URL(path.startsWith('http') ? path : `${this.apiUrl}/${path}`);
    if (!url.href.startsWith(`${this.apiUrl}/`)) throw new Error(`refusing to call ${url.origin} outside the API root`);
    for (const [key, value] of query) url.searchParams.append(key, value);
    this.calls += 1;
    if (this.rttMs > 0) await sleep(this.rttMs);
    const response = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
    const text = await response.text();
    if (!response.ok) throw new RestCallError(response.status, url.href, text);
    return response.status === 204 || text === '' ? null : (JSON.parse(text) as T);
  }

  /** A FHIR read or search below the demo FHIR store's `fhir/`. */
  async fhir<T = Bundle>(path: string, query: [string, string][] = []): Promise<T> {
    const body = await this.get<T>(`${DEMO_FHIR_STORE}/fhir/${path}`, query, FHIR_JSON);
    if (body === null) throw new Error(`FHIR ${path} answered without a body`);
    return body;
  }

  /** A FHIR search and every further page (`next` links, one after another). */
  async fhirAllPages(path: string, query: [string, string][], maxPages = 20): Promise<FhirResource[]> {
    const matches: FhirResource[] = [];
    let bundle = await this.fhir<Bundle>(path, query);
    for (let page = 1; ; page += 1) {
      matches.push(...matchesOf(bundle));
      const next = bundle.link?.find((link) => link.relation === 'next')?.url;
      if (next === undefined || page >= maxPages) break;
      const body = await this.get<Bundle>(next, [], FHIR_JSON);
      if (body === null) break;
      bundle = body;
    }
    return matches;
  }

  /** A QIDO-RS search below the demo DICOM store's `dicomWeb/`; no match is an empty list. */
  async qido(path: string, query: [string, string][] = []): Promise<DicomJson[]> {
    return (await this.get<DicomJson[]>(`${DEMO_DICOM_STORE}/dicomWeb/${path}`, query, DICOM_JSON)) ?? [];
  }

  /** An admin API call (datasets, stores, metrics) below the API root. */
  async admin<T>(path: string): Promise<T> {
    const body = await this.get<T>(path);
    if (body === null) throw new Error(`${path} answered without a body`);
    return body;
  }

  /** Runs one level's calls: all at once (parallel) or one after another (sequential). */
  async all<T extends readonly unknown[]>(tasks: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
    const list = tasks as unknown as (() => Promise<unknown>)[];
    if (this.mode === 'parallel') return (await Promise.all(list.map((task) => task()))) as unknown as T;
    const results: unknown[] = [];
    for (const task of list) results.push(await task());
    return results as unknown as T;
  }
}

/** The matches of a search page (not its `_include`s). */
export function matchesOf(bundle: Bundle): FhirResource[] {
  return (bundle.entry ?? []).filter((entry) => entry.resource && (entry.search?.mode ?? 'match') === 'match').map((entry) => entry.resource!);
}

/** The `_include`d resources of a search page by `Type/id`. */
export function includesOf(bundle: Bundle): Map<string, FhirResource> {
  const included = new Map<string, FhirResource>();
  for (const entry of bundle.entry ?? []) {
    if (entry.resource && entry.search?.mode === 'include') included.set(`${entry.resource.resourceType}/${entry.resource.id}`, entry.resource);
  }
  return included;
}

/** `Type/id` of the references in a Reference or a list of them. */
export function referencesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((item) => (typeof item === 'object' && item !== null && typeof (item as { reference?: unknown }).reference === 'string' ? [(item as { reference: string }).reference] : []));
}

/** The value of the identifier whose type is the HL7 v2 `MR` code. */
export function mrnOf(resource: FhirResource): string | null {
  const identifiers = Array.isArray(resource.identifier) ? (resource.identifier as { type?: { coding?: { code?: string }[] }; value?: string }[]) : [];
  return identifiers.find((identifier) => identifier.type?.coding?.some((coding) => coding.code === 'MR'))?.value ?? null;
}

/** The first value of a DICOM JSON attribute as text (PN values as their Alphabetic form). */
export function dicomText(row: DicomJson, tag: string): string | null {
  const value = row[tag]?.Value?.[0];
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && 'Alphabetic' in value) return String((value as { Alphabetic: unknown }).Alphabetic);
  return String(value);
}

export function dicomValues(row: DicomJson, tag: string): string[] {
  return (row[tag]?.Value ?? []).map(String);
}

/** DICOM DA `YYYYMMDD` as `YYYY-MM-DD`. */
export function isoFromDicomDate(value: string | null): string | null {
  return value !== null && /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
}
