/**
 * `datasets.deidentify`, `fhirStores.deidentify` and `dicomStores.deidentify` (reference §7.3).
 * Each validates its request completely, creates what the method creates (the destination dataset
 * with a copy of every store, or the destination DICOM store), answers at once with a running
 * operation in the source dataset, and copies in the background (`job.ts`).
 */

import { alreadyExists, invalidArgument, notFound } from '../errors.js';
import { requires, type RouteAccess } from '../iam/access.js';
import { permissionDenied } from '../iam/errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { EmulatorRoute, EmulatorServices } from '../module.js';
import { checkDicomStoreId, checkResourceId, datasetNameOf } from '../names.js';
import type { EmulatorRequest } from '../request.js';
import { jsonReply, type Reply } from '../reply.js';
import type { DatasetRecord, PlaneByKind, StoreRecord } from '../state.js';
import { DICOM_STORE_SPEC, FHIR_STORE_SPEC, getStore, type StoreKindSpec } from '../stores.js';
import type { DicomStore } from '../dicom/dicom-store.js';
import type { FhirStore } from '../fhir/store.js';
import { parseDeidentifyConfig } from './config.js';
import { runInBackground } from './job.js';
import { planChunks, type CopyPlan } from './plan.js';

const METHOD = {
  dataset: 'google.cloud.healthcare.v1.dataset.DatasetService.DeidentifyDataset',
  fhir: 'google.cloud.healthcare.v1.fhir.FhirStoreService.DeidentifyFhirStore',
  dicom: 'google.cloud.healthcare.v1.dicom.DicomStoreService.DeidentifyDicomStore',
} as const;

const DATASET_NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/datasets\/([^/]+)$/;
const STORE_NAME = /^(projects\/([^/]+)\/locations\/([^/]+)\/datasets\/[^/]+)\/(fhirStores|dicomStores)\/([^/]+)$/;
const RESOURCE_KEY = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

/** Store fields a copy does not inherit: they would send the copy's changes to the source's topics. */
const NOT_COPIED = ['notificationConfig', 'notificationConfigs', 'streamConfigs', 'bulkExportGcsDestination'];

/** Rejects fields the body does not have, as Google's JSON parser does. */
function checkFields(body: JsonObject, fields: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!fields.includes(key)) throw invalidArgument(`Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
  }
}

/** The emulator has no Cloud Storage: a request that needs it cannot be served faithfully. */
function rejectGcs(value: JsonValue | undefined, field: string): void {
  if (value !== undefined && value !== null && value !== '') {
    throw invalidArgument(`${field}: the emulator cannot read Cloud Storage; pass the configuration inline.`);
  }
}

function requiredString(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw invalidArgument(`${field} is required.`);
  return value;
}

/**
 * Checks a permission the route's own declaration cannot express: on the destination, which the
 * request body names.
 */
function requireOn(services: EmulatorServices, ctx: EmulatorRequest, permission: string, resource: string): void {
  const { iam } = services;
  if (!iam.enforced) return;
  if (!iam.holds(iam.callerOf(ctx.headers), permission, resource)) throw permissionDenied(permission, resource);
}

/** The request body after the checks all three methods make: known fields only, no Cloud Storage config. */
async function deidentifyBody(ctx: EmulatorRequest, fields: readonly string[]): Promise<JsonObject> {
  const body = await ctx.jsonBody();
  checkFields(body, ['config', 'gcsConfigUri', ...fields]);
  rejectGcs(body['gcsConfigUri'], 'gcsConfigUri');
  return body;
}

/**
 * Starts the copy as an operation of `source`, saves the state (with what the method created),
 * and answers with the operation.
 */
async function startCopy(
  services: EmulatorServices,
  source: DatasetRecord,
  method: string,
  plan: CopyPlan,
  config: ReturnType<typeof parseDeidentifyConfig>,
): Promise<Reply> {
  const chunks = planChunks(plan, config);
  const op = services.operations.start(source, method);
  runInBackground(op, chunks, {
    commit: () => services.state.commit(),
    pauseMs: () => services.faults.drawDelayMs(),
    // The error's name only: messages may quote resource content.
    onError: (error) => console.error(`emulator: de-identification step failed: ${(error as Error | undefined)?.name ?? 'error'}`),
  });
  await services.state.commit();
  return jsonReply(op.json);
}

function destinationStoreName(body: JsonObject, source: DatasetRecord, collection: 'fhirStores' | 'dicomStores') {
  const name = requiredString(body, 'destinationStore');
  const m = STORE_NAME.exec(name);
  if (m === null || m[4] !== collection) {
    throw invalidArgument(`destinationStore must be projects/{p}/locations/{l}/datasets/{d}/${collection}/{s}; got "${name}".`);
  }
  if (m[2] !== source.project || m[3] !== source.location) {
    throw invalidArgument('The source and destination must be in the same project and location; de-identifying across locations is not supported.');
  }
  return { name, dataset: m[1] ?? '', id: m[5] ?? '' };
}

/** The routes of the three deidentify methods. */
export function deidentifyRoutes(services: EmulatorServices): EmulatorRoute[] {
  const { state } = services;
  const datasets = '/v1/projects/{project}/locations/{location}/datasets';
  /** `POST …/{collection}/{store}:deidentify`, given its source dataset and store. */
  const storeMethod = <K extends 'fhir' | 'dicom'>(
    spec: StoreKindSpec<K>,
    access: RouteAccess,
    handle: (ctx: EmulatorRequest, dataset: DatasetRecord, source: StoreRecord<PlaneByKind[K]>) => Promise<Reply>,
  ): EmulatorRoute => ({
    method: 'POST',
    path: `${datasets}/{dataset}/${spec.collection}/{store}:deidentify`,
    query: [],
    access,
    handle: async (ctx) => {
      const dataset = state.getDataset(datasetNameOf(ctx.params));
      return handle(ctx, dataset, getStore(spec, dataset, ctx.params['store'] ?? ''));
    },
  });
  return [
    {
      method: 'POST',
      path: `${datasets}/{dataset}:deidentify`,
      query: [],
      access: requires('datasets', 'healthcare.datasets.deidentify'),
      handle: async (ctx) => {
        const source = state.getDataset(datasetNameOf(ctx.params));
        const body = await deidentifyBody(ctx, ['destinationDataset']);
        const destination = requiredString(body, 'destinationDataset');
        const m = DATASET_NAME.exec(destination);
        if (m === null) throw invalidArgument(`destinationDataset must be projects/{p}/locations/{l}/datasets/{d}; got "${destination}".`);
        if (m[1] !== source.project || m[2] !== source.location) {
          throw invalidArgument('The destination dataset must be in the same project and location as the source.');
        }
        const id = checkResourceId(m[3], 'destinationDataset');
        const config = parseDeidentifyConfig(body['config']);
        requireOn(services, ctx, 'healthcare.datasets.create', `projects/${source.project}`);
        if (state.findDataset(destination) !== undefined) throw alreadyExists(`Dataset already exists: ${destination}`);

        const target = state.addDataset(source.project, source.location, id, { ...source.config });
        const plan: { fhir: CopyPlan['fhir'][number][]; dicom: CopyPlan['dicom'][number][] } = { fhir: [], dicom: [] };
        for (const store of source.stores.fhir.values()) {
          const copy = await state.addStore(target, 'fhir', store.id, withoutFields(store.config));
          plan.fhir.push({ source: store.plane as FhirStore, destination: copy.plane as FhirStore });
        }
        for (const store of source.stores.dicom.values()) {
          const copy = await state.addStore(target, 'dicom', store.id, withoutFields(store.config));
          plan.dicom.push({ source: store.plane as DicomStore, destination: copy.plane as DicomStore });
        }
        return startCopy(services, source, METHOD.dataset, plan, config);
      },
    },
    storeMethod(FHIR_STORE_SPEC, requires('fhirStores', 'healthcare.fhirStores.deidentify'), async (ctx, dataset, source) => {
      const body = await deidentifyBody(ctx, ['destinationStore', 'resourceFilter', 'skipModifiedResources']);
      const dest = destinationStoreName(body, dataset, 'fhirStores');
      if (dest.name === source.name) throw invalidArgument('destinationStore must differ from the source store.');
      const only = parseResourceFilter(body['resourceFilter']);
      if (body['skipModifiedResources'] !== undefined && typeof body['skipModifiedResources'] !== 'boolean') {
        throw invalidArgument('skipModifiedResources must be a boolean.');
      }
      const config = parseDeidentifyConfig(body['config']);
      requireOn(services, ctx, 'healthcare.fhirResources.update', dest.name);
      // "The destination FHIR store must exist" (v1).
      const destination = getStore(FHIR_STORE_SPEC, state.getDataset(dest.dataset), dest.id);
      // The copy is of the resources current when the operation starts, so `skipModifiedResources`
      // (skip what changes during the run) holds either way.
      const plan: CopyPlan = { fhir: [{ source: source.plane as FhirStore, destination: destination.plane as FhirStore, ...(only && { only }) }], dicom: [] };
      return startCopy(services, dataset, METHOD.fhir, plan, config);
    }),
    storeMethod(DICOM_STORE_SPEC, requires('dicomStores', 'healthcare.dicomStores.deidentify'), async (ctx, dataset, source) => {
      const body = await deidentifyBody(ctx, ['destinationStore', 'filterConfig']);
      if (body['filterConfig'] !== undefined) {
        const filter = isJsonObject(body['filterConfig']) ? body['filterConfig'] : {};
        checkFields(filter, ['resourcePathsGcsUri']);
        rejectGcs(filter['resourcePathsGcsUri'], 'filterConfig.resourcePathsGcsUri');
      }
      const dest = destinationStoreName(body, dataset, 'dicomStores');
      checkDicomStoreId(dest.id, 'destinationStore');
      const config = parseDeidentifyConfig(body['config']);
      requireOn(services, ctx, 'healthcare.dicomStores.dicomWebWrite', dest.name);
      const target = state.findDataset(dest.dataset);
      if (target === undefined) throw notFound(`Dataset not found: ${dest.dataset}`);
      // "The destination DICOM store must not exist": the method creates it.
      if (target.stores.dicom.has(dest.id)) throw alreadyExists(`DICOM store already exists: ${dest.name}`);
      const copy = await state.addStore(target, 'dicom', dest.id, withoutFields(source.config));
      const plan: CopyPlan = { fhir: [], dicom: [{ source: source.plane as DicomStore, destination: copy.plane as DicomStore }] };
      return startCopy(services, dataset, METHOD.dicom, plan, config);
    }),
  ];
}

function withoutFields(config: JsonObject): JsonObject {
  const copy = { ...config };
  for (const field of NOT_COPIED) delete copy[field];
  return copy;
}

/** `resourceFilter: {resources: {resources: ["Patient/1"]}}` → the `Type/id`s to copy. */
function parseResourceFilter(value: JsonValue | undefined): ReadonlySet<string> | undefined {
  if (value === undefined || value === null) return undefined;
  const outer = isJsonObject(value) ? value : undefined;
  if (outer === undefined) throw invalidArgument('resourceFilter must be an object.');
  checkFields(outer, ['resources']);
  const inner = outer['resources'];
  if (inner === undefined) return undefined;
  if (!isJsonObject(inner)) throw invalidArgument('resourceFilter.resources must be an object.');
  checkFields(inner, ['resources']);
  const list = inner['resources'] ?? [];
  if (!Array.isArray(list)) throw invalidArgument('resourceFilter.resources.resources must be a list.');
  return new Set(
    list.map((item, i) => {
      if (typeof item !== 'string' || !RESOURCE_KEY.test(item)) {
        throw invalidArgument(`resourceFilter.resources.resources[${i}] must be "Type/id".`);
      }
      return item;
    }),
  );
}
