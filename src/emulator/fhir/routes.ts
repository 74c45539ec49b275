/**
 * The FHIR REST surface of a store (`…/fhirStores/{s}/fhir/…`): finds the store, maps the path
 * shape and method to an interaction, and renders FHIR answers. Errors raised as `FhirError`
 * become OperationOutcomes; a missing dataset or store stays a Google error envelope (the request
 * never reached a FHIR store), and a path no FHIR method has gets Google's HTML 404.
 */

import { FHIR_ACCESS } from '../iam/fhir-access.js';
import type { EmulatorRoute, EmulatorServices } from '../module.js';
import { datasetNameOf } from '../names.js';
import { htmlNotFoundReply, type Reply } from '../reply.js';
import type { EmulatorRequest } from '../request.js';
import { FHIR_STORE_SPEC, getStore } from '../stores.js';
import { capabilityStatement } from './capability.js';
import type { Changes } from './changes.js';
import { everything } from './everything.js';
import { executeBundle } from './execute-bundle.js';
import { history } from './history.js';
import { fhirBase, fhirReply, header, outcomeReply, readJson, resourceReply } from './http.js';
import {
  conditionalPatch,
  conditionalRemove,
  conditionalUpdate,
  create,
  patch,
  read,
  remove,
  update,
  vread,
  writeAlone,
  type WriteResult,
} from './interactions.js';
import { badResourceType, FhirError, notSupported, resourceNotFound } from './outcome.js';
import { isResourceType } from '../../fhir/resource-types.js';
import { search } from './search.js';
import { isStrict } from './search-query.js';
import { bodyResourceType, planSearch } from './search-request.js';
import { FhirStore } from './store.js';

const FHIR_PATH = '/v1/projects/{project}/locations/{location}/datasets/{dataset}/fhirStores/{store}/fhir';

/** Google's limit for `executeBundle` bodies; other FHIR methods keep the default 10 MB. */
export const BUNDLE_MAX_BODY_BYTES = 50 * 1024 * 1024;

/** What the interaction handlers get. */
interface FhirRequest {
  readonly ctx: EmulatorRequest;
  readonly store: FhirStore;
  readonly base: string;
  /** Path segments after `fhir/`, without a trailing empty one. */
  readonly segments: string[];
}

type Interaction = (request: FhirRequest) => Promise<Reply> | Reply;

function queryParams(ctx: EmulatorRequest): [string, string][] {
  return [...ctx.url.searchParams];
}

function checkedType(request: FhirRequest): string {
  const type = request.segments[0] ?? '';
  if (!isResourceType(type)) throw badResourceType(type);
  return type;
}

/**
 * A search of the path's type (`type`), or across types at the store's base (`undefined`); the
 * parameters are the query string's, `bodyType` what a POST body named.
 */
function searchInteraction(request: FhirRequest, type: string | undefined, bodyType?: string): Reply {
  const { ctx, store, base } = request;
  const strict = isStrict(ctx.headers['prefer'], store.strictByDefault);
  return fhirReply(search(store, planSearch(store, type, queryParams(ctx), bodyType, strict), base));
}

/** POST `_search` and `{Type}/_search`: the GET search, with the type a JSON body may name. */
async function postSearch(request: FhirRequest, type: string | undefined): Promise<Reply> {
  return searchInteraction(request, type, await bodyResourceType(request.ctx));
}

function writeReply(request: FhirRequest, result: WriteResult): Reply {
  const resource = result.resource;
  if (resource === undefined) return fhirReply({});
  const meta = resource['meta'] as { versionId: string };
  const location =
    result.status === 201
      ? `${request.base}/${String(resource['resourceType'])}/${String(resource['id'])}/_history/${meta.versionId}`
      : undefined;
  return resourceReply(resource, result.status, location);
}

async function patchBody(request: FhirRequest): Promise<unknown> {
  const contentType = header(request.ctx, 'content-type') ?? '';
  if (!contentType.startsWith('application/json-patch+json')) {
    throw notSupported('patch needs Content-Type application/json-patch+json (JSON Patch is the only patch format)');
  }
  return readJson(request.ctx);
}

const GET: Interaction = (request) => {
  const { segments, store, base, ctx } = request;
  const [first, id, op, version] = segments;
  if (segments.length === 1 && first === 'metadata') return fhirReply(capabilityStatement(store, base));
  if (segments.length === 0) return searchInteraction(request, undefined);
  const type = checkedType(request);
  if (segments.length === 1) return searchInteraction(request, type);
  if (segments.length === 2) return resourceReply(read(store, type, id ?? ''));
  if (segments.length === 3 && op === '_history') return fhirReply(history(store, type, id ?? '', queryParams(ctx), base));
  if (segments.length === 3 && type === 'Patient' && op === '$everything') {
    return fhirReply(everything(store, id ?? '', queryParams(ctx), base));
  }
  if (segments.length === 4 && op === '_history') return resourceReply(vread(store, type, id ?? '', version ?? ''));
  return htmlNotFoundReply(ctx.url.pathname);
};

const POST: Interaction = async (request) => {
  const { segments, store, ctx } = request;
  if (segments.length === 0) return bundleInteraction(request);
  if (segments.length === 1 && segments[0] === '_search') return postSearch(request, undefined);
  const type = checkedType(request);
  if (segments.length === 2 && segments[1] === '_search') return postSearch(request, type);
  if (segments.length !== 1) return htmlNotFoundReply(ctx.url.pathname);
  const body = await readJson(ctx);
  return writeReply(request, await writeAlone(store, (c) => create(store, c, type, body, header(ctx, 'if-none-exist'))));
};

/**
 * PUT and PATCH: `{Type}/{id}` names the resource (with `If-Match`), `{Type}?criteria` has a
 * search select it (the conditional form).
 */
function replaceInteraction<B>(
  readBody: (request: FhirRequest) => Promise<B>,
  byId: (changes: Changes, type: string, id: string, body: B, ifMatch?: string) => WriteResult,
  conditional: (store: FhirStore, changes: Changes, type: string, criteria: URLSearchParams, body: B) => WriteResult,
): Interaction {
  return async (request) => {
    const { segments, store, ctx } = request;
    const type = checkedType(request);
    if (segments.length > 2) return htmlNotFoundReply(ctx.url.pathname);
    const body = await readBody(request);
    const id = segments[1];
    const result = await writeAlone(store, (c) =>
      id === undefined
        ? conditional(store, c, type, ctx.url.searchParams, body)
        : byId(c, type, id, body, header(ctx, 'if-match')),
    );
    return writeReply(request, result);
  };
}

const PUT = replaceInteraction((request) => readJson(request.ctx), update, conditionalUpdate);

const PATCH = replaceInteraction(patchBody, patch, conditionalPatch);

const DELETE: Interaction = async (request) => {
  const { segments, store, ctx } = request;
  const type = checkedType(request);
  if (segments.length === 3 && segments[2] === '$purge') return purgeInteraction(store, type, segments[1] ?? '');
  if (segments.length > 2) return htmlNotFoundReply(ctx.url.pathname);
  const id = segments[1];
  await writeAlone(store, (c) =>
    id === undefined ? conditionalRemove(store, c, type, ctx.url.searchParams) : remove(c, type, id),
  );
  return fhirReply({});
};

/** Resource-purge (`DELETE {Type}/{id}/$purge`): the history goes, the current version stays. */
async function purgeInteraction(store: FhirStore, type: string, id: string): Promise<Reply> {
  if (!(await store.purgeHistory(type, id))) throw resourceNotFound(`${type}/${id}`);
  return fhirReply({});
}

async function bundleInteraction(request: FhirRequest): Promise<Reply> {
  const body = await readJson(request.ctx);
  const minimal = /return\s*=\s*minimal/i.test(header(request.ctx, 'prefer') ?? '');
  return fhirReply(await executeBundle(request.store, body, !minimal));
}

/** Routes of the FHIR REST surface. */
export function fhirRoutes({ state }: EmulatorServices): EmulatorRoute[] {
  const handle = (interaction: Interaction) => async (ctx: EmulatorRequest): Promise<Reply> => {
    const record = getStore(FHIR_STORE_SPEC, state.getDataset(datasetNameOf(ctx.params)), ctx.params['store'] ?? '');
    if (!(record.plane instanceof FhirStore)) throw new Error(`${record.name} has no FHIR data plane`);
    const segments = (ctx.params['path'] ?? '').split('/');
    if (segments.at(-1) === '') segments.pop();
    try {
      return await interaction({ ctx, store: record.plane, base: fhirBase(ctx, record.name), segments });
    } catch (error) {
      if (error instanceof FhirError) return outcomeReply(error);
      throw error;
    }
  };
  const methods: [string, Interaction][] = [
    ['GET', GET],
    ['POST', POST],
    ['PUT', PUT],
    ['PATCH', PATCH],
    ['DELETE', DELETE],
  ];
  return [
    { method: 'POST', path: FHIR_PATH, query: 'any', maxBodyBytes: BUNDLE_MAX_BODY_BYTES, access: FHIR_ACCESS, handle: handle(bundleInteraction) },
    ...methods.map(([method, interaction]): EmulatorRoute => ({
      method,
      path: `${FHIR_PATH}/{path=**}`,
      query: 'any',
      access: FHIR_ACCESS,
      handle: handle(interaction),
    })),
  ];
}
