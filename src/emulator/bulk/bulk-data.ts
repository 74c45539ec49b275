/**
 * FHIR Bulk Data export on a store (reference §2.2): `GET {fs}/fhir/$export` starts writing the
 * current resources to the store's `bulkExportGcsDestination`, one `{exportId}_{Type}.ndjson`
 * object per type, and answers 202 with `Content-Location: {fs}/operations/{exportId}`. Polling
 * that URL answers 202 (`X-Progress`) while it runs, then the Bulk Data complete-status JSON; a
 * DELETE cancels it. The emulator runs it as an operation of the store's dataset (what Google does
 * behind it is not documented), so it also shows in `operations.list`.
 */

import { invalidArgument, notFound } from '../errors.js';
import { requires } from '../iam/access.js';
import { isJsonObject, type JsonObject } from '../json.js';
import type { EmulatorRoute, EmulatorServices } from '../module.js';
import { datasetNameOf } from '../names.js';
import type { Reply } from '../reply.js';
import { SYSTEM_QUERY_PARAMETERS, type EmulatorRequest } from '../request.js';
import { FHIR_STORE_SPEC, getStore } from '../stores.js';
import { fhirReply } from '../fhir/http.js';
import { FhirStore } from '../fhir/store.js';
import { exportResponse, parseExportRequest, planExport, type ExportOutput } from './fhir.js';
import { operationIdOf, startJob } from './requests.js';

const BULK_EXPORT_METHOD = 'google.cloud.healthcare.v1.fhir.FhirService.BulkExport';
const EXPORT_PARAMS = new Set(['_type', '_since', '_outputFormat', 'outputFormat']);
const NDJSON_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);
const STORE_PATH = '/v1/projects/{project}/locations/{location}/datasets/{dataset}/fhirStores/{store}';

/** What the complete-status answer reports, by operation (kept while the emulator runs). */
const exports = new WeakMap<JsonObject, { request: string; transactionTime: string; outputs: ExportOutput[] }>();

function header(ctx: EmulatorRequest, name: string): string {
  const value = ctx.headers[name];
  return (Array.isArray(value) ? value.join(',') : value) ?? '';
}

/** The store the request names, with its data plane. */
function storeOf(services: EmulatorServices, ctx: EmulatorRequest) {
  const dataset = services.state.getDataset(datasetNameOf(ctx.params));
  const record = getStore(FHIR_STORE_SPEC, dataset, ctx.params['store'] ?? '');
  if (!(record.plane instanceof FhirStore)) throw new Error(`${record.name} has no FHIR data plane`);
  return { dataset, record, store: record.plane };
}

/** The `$export` operation a status URL names; 404 for any other operation. */
function exportOperation(services: EmulatorServices, ctx: EmulatorRequest): JsonObject {
  const { dataset } = storeOf(services, ctx);
  const op = dataset.operations.get(ctx.params['operation'] ?? '');
  const metadata = op?.['metadata'];
  if (op === undefined || !isJsonObject(metadata) || metadata['apiMethodName'] !== BULK_EXPORT_METHOD) {
    throw notFound(`Bulk export operation not found: ${ctx.params['operation'] ?? ''}`);
  }
  return op;
}

async function startExport(services: EmulatorServices, ctx: EmulatorRequest): Promise<Reply> {
  if (!/respond-async/i.test(header(ctx, 'prefer'))) throw invalidArgument('$export needs the header "Prefer: respond-async".');
  if (!/application\/fhir\+json|\*\/\*/i.test(header(ctx, 'accept'))) throw invalidArgument('$export needs the header "Accept: application/fhir+json".');
  const unknown = [...ctx.url.searchParams.keys()].find((name) => !EXPORT_PARAMS.has(name) && !SYSTEM_QUERY_PARAMETERS.has(name));
  if (unknown !== undefined) throw invalidArgument(`$export does not take the parameter "${unknown.slice(0, 100)}".`);
  const format = ctx.url.searchParams.get('_outputFormat') ?? ctx.url.searchParams.get('outputFormat');
  if (format !== null && !NDJSON_FORMATS.has(format)) throw invalidArgument(`_outputFormat "${format.slice(0, 100)}": only application/fhir+ndjson is supported.`);
  const { dataset, record, store } = storeOf(services, ctx);
  const destination = record.config['bulkExportGcsDestination'];
  const uriPrefix = isJsonObject(destination) ? destination['uriPrefix'] : undefined;
  if (typeof uriPrefix !== 'string' || uriPrefix === '') {
    throw invalidArgument('$export writes to the store\'s bulkExportGcsDestination.uriPrefix, which is not set.');
  }
  const params: JsonObject = { gcsDestination: { uriPrefix } };
  for (const name of ['_type', '_since'] as const) {
    const value = ctx.url.searchParams.get(name);
    if (value !== null) params[name] = value;
  }
  const request = parseExportRequest(params);
  const transactionTime = new Date().toISOString();
  let location = '';
  const reply = await startJob(services, dataset, BULK_EXPORT_METHOD, (op) => {
    const id = operationIdOf(op);
    const { chunks, outputs } = planExport(services.gcs, store, request, (type) => `${id}_${type}.ndjson`);
    exports.set(op.json, { request: ctx.url.toString(), transactionTime, outputs });
    location = `${ctx.url.origin}/v1/${record.name}/operations/${id}`;
    return chunks;
  }, (counter) => ({ response: exportResponse(record.name, counter.success) }));
  return { status: 202, headers: { ...reply.headers, 'content-location': location }, body: '' };
}

function exportStatus(services: EmulatorServices, ctx: EmulatorRequest): Reply {
  const op = exportOperation(services, ctx);
  if (op['done'] !== true) return { status: 202, headers: { 'x-progress': 'in progress' }, body: '' };
  const error = op['error'];
  if (isJsonObject(error)) {
    return fhirReply({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: String(error['message'] ?? '') }] }, 500);
  }
  const known = exports.get(op);
  return fhirReply({
    transactionTime: known?.transactionTime ?? '',
    request: known?.request ?? '',
    requiresAccessToken: true,
    output: (known?.outputs ?? []).map(({ type, uri, count }) => ({ type, url: uri, count })),
    error: [],
  });
}

/** `$export`, and the status and cancel methods of its operations. */
export function bulkDataRoutes(services: EmulatorServices): EmulatorRoute[] {
  // The role lists name `fhirStores.getFhirOperation` / `deleteFhirOperation`; the emulator's
  // roles do not hold those, so the status methods ask for what starting the export asked.
  const access = requires('fhirStores', 'healthcare.fhirStores.export');
  return [
    // FHIR parameter names start with `_`, which the query binding of the admin methods refuses.
    { method: 'GET', path: `${STORE_PATH}/fhir/$export`, query: 'any', access, handle: (ctx) => startExport(services, ctx) },
    { method: 'GET', path: `${STORE_PATH}/operations/{operation}`, query: [], access, handle: (ctx) => exportStatus(services, ctx) },
    {
      method: 'DELETE',
      path: `${STORE_PATH}/operations/{operation}`,
      query: [],
      access,
      handle: async (ctx) => {
        const op = exportOperation(services, ctx);
        if (op['done'] === true) throw invalidArgument('The export is already complete or cancelled.');
        await services.operations.cancel(op);
        return { status: 202, body: '' };
      },
    },
  ];
}
