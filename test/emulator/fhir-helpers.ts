/** Shared helpers for the FHIR store's HTTP tests: an emulator with the FHIR module and a tiny FHIR client. */

import { fhirModule } from '../../src/emulator/fhir/index.js';
import { BUILT_IN_MODULES, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/server.js';
import { LOC, start, toApiResponse } from './helpers.js';

export interface FhirResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body (`undefined` for a non-JSON body). */
  body: any;
  text: string;
}

/** A FHIR client for one store: paths are relative to the store's `fhir/` base. */
export class FhirApi {
  constructor(readonly base: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<FhirResponse> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'content-type': 'application/fhir+json', ...headers };
    }
    const url = /^https?:/.test(path) ? path : `${this.base}/${path}`;
    const { json, ...response } = await toApiResponse(await fetch(url, init));
    return { ...response, body: json };
  }

  get(path: string, headers?: Record<string, string>): Promise<FhirResponse> {
    return this.request('GET', path, undefined, headers);
  }

  /** Creates a resource and returns it as stored (fails the test on any other status than 201). */
  async create(resource: Record<string, unknown>): Promise<any> {
    const res = await this.request('POST', String(resource['resourceType']), resource);
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.body;
  }

  /** Posts a batch or transaction Bundle of `entry` to the store's base (FHIR's `batch`/`transaction` interaction). */
  bundle(type: 'batch' | 'transaction', entry: unknown[], headers: Record<string, string> = {}): Promise<FhirResponse> {
    return this.request('POST', '', { resourceType: 'Bundle', type, entry }, headers);
  }

  /**
   * Creates resources in one transaction (each entry may carry a `urn:uuid:` fullUrl for the others
   * to reference); returns them as stored, failing on any non-200 answer.
   */
  async load(entries: { fullUrl?: string; resource: Record<string, unknown> }[]): Promise<any[]> {
    const entry = entries.map(({ fullUrl, resource }) => ({
      ...(fullUrl === undefined ? {} : { fullUrl }),
      resource,
      request: { method: 'POST', url: String(resource['resourceType']) },
    }));
    const res = await this.bundle('transaction', entry, { prefer: 'return=representation' });
    if (res.status !== 200) throw new Error(`transaction failed: ${res.status} ${res.text.slice(0, 500)}`);
    return res.body.entry.map((e: any) => e.resource);
  }

  /** A search's match ids, in result order (one page). */
  async ids(query: string): Promise<string[]> {
    const res = await this.get(query);
    if (res.status !== 200) throw new Error(`search ${query} failed: ${res.status} ${res.text}`);
    return (res.body.entry ?? []).filter((e: any) => e.search.mode === 'match').map((e: any) => e.resource.id);
  }

  /** Follows `next` links from a first page; returns every page's bundle. */
  async pages(first: string): Promise<any[]> {
    const pages: any[] = [];
    let url: string | undefined = first;
    while (url !== undefined) {
      const res: FhirResponse = await this.get(url);
      if (res.status !== 200) throw new Error(`page ${url} failed: ${res.status} ${res.text}`);
      pages.push(res.body);
      url = res.body.link?.find((l: any) => l.relation === 'next')?.url;
    }
    return pages;
  }
}

/** The FHIR module, unless the emulator already builds it in. */
export function fhirModules(): EmulatorOptions['modules'] {
  return BUILT_IN_MODULES.includes(fhirModule) ? [] : [fhirModule];
}

/** Starts an emulator serving FHIR and creates dataset `d` with an R4 store `s` configured by `config`. */
export async function startFhir(
  config: Record<string, unknown> = {},
  options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; api: FhirApi }> {
  const emulator = await start({ modules: fhirModules(), ...options });
  try {
    return { emulator, api: await createStore(emulator, 's', config) };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

/** A client for an existing store of dataset `d`. */
export function storeApi(emulator: RunningEmulator, id = 's'): FhirApi {
  return new FhirApi(`${emulator.url}/v1/${LOC}/datasets/d/fhirStores/${id}/fhir`);
}

/** Creates dataset `d` (if needed) and a FHIR store in it; returns a client for the store. */
export async function createStore(emulator: RunningEmulator, id: string, config: Record<string, unknown> = {}): Promise<FhirApi> {
  const root = `${emulator.url}/v1/${LOC}/datasets`;
  await fetch(`${root}?datasetId=d`, { method: 'POST', body: '{}' });
  const res = await fetch(`${root}/d/fhirStores?fhirStoreId=${id}`, {
    method: 'POST',
    body: JSON.stringify({ version: 'R4', ...config }),
  });
  if (res.status !== 200) throw new Error(`store create failed: ${res.status} ${await res.text()}`);
  return storeApi(emulator, id);
}
