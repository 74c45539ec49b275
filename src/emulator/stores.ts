/**
 * `datasets.fhirStores` and `datasets.dicomStores`: create, get, list (label filter), patch, delete
 * and the metrics method. Both kinds share one implementation, parameterised by a `StoreKindSpec`.
 */

import type { DataPlaneKind } from './dataplanes.js';
import { alreadyExists, invalidArgument, notFound } from './errors.js';
import { applyUpdateMask, parseUpdateMask, readResourceBody, type FieldSpec, type ResourceSchema } from './fields.js';
import { requires } from './iam/access.js';
import { int64, omitDefaults, type JsonObject } from './json.js';
import { parseLabelFilter } from './labels.js';
import type { EmulatorRoute } from './module.js';
import { checkDicomStoreId, checkResourceId, datasetNameOf } from './names.js';
import { compareIds, listPage } from './paging.js';
import { jsonReply } from './reply.js';
import type { DatasetRecord, EmulatorState, PlaneByKind, StoreRecord } from './state.js';

/** Everything that differs between FHIR and DICOM stores on the admin surface. */
export interface StoreKindSpec<K extends DataPlaneKind> {
  kind: K;
  /** Collection segment: `fhirStores` / `dicomStores` / `hl7V2Stores`. */
  collection: 'fhirStores' | 'dicomStores' | 'hl7V2Stores';
  /** Create's id query parameter: `fhirStoreId` / `dicomStoreId`. */
  idParam: string;
  /** For messages: `FHIR store`. */
  label: string;
  schema: ResourceSchema;
  checkId(id: string | undefined, param: string): string;
  /**
   * Cross-field rules and server defaults, applied to the fields of a create or a patch result.
   * `previous` is the store's configuration before a patch (for immutable nested fields).
   */
  finish(config: JsonObject, isCreate: boolean, previous?: JsonObject): JsonObject;
  /** The custom metrics method: `getFHIRStoreMetrics` / `getDICOMStoreMetrics`. */
  metricsVerb: string;
  renderMetrics(store: StoreRecord<PlaneByKind[K]>): JsonObject;
}

/** Sets an int64 field as a string, leaving zero out as proto3 JSON does. */
export function setInt64(target: JsonObject, key: string, value: number): void {
  if (value !== 0) target[key] = int64(value);
}

/** The numbers of one row of a per-type metrics list. */
interface TypeMetric {
  count: number;
  structuredStorageSizeBytes: number;
}

/**
 * The answer of a metrics method that reports per type (FHIR resource types, HL7v2 message
 * types): one row per type that has a count, in type order, with the type under `typeField`.
 * proto3 JSON leaves out empty values, so an empty type has no `typeField`, and a store without
 * rows answers `{name}` only.
 */
export function metricsByType<M extends TypeMetric>(
  name: string,
  metrics: readonly M[],
  typeField: string,
  typeOf: (metric: M) => string,
): JsonObject {
  const rows = metrics
    .filter((m) => m.count > 0)
    .sort((a, b) => compareIds(typeOf(a), typeOf(b)))
    .map((m) => {
      const row: JsonObject = {};
      if (typeOf(m) !== '') row[typeField] = typeOf(m);
      setInt64(row, 'count', m.count);
      setInt64(row, 'structuredStorageSizeBytes', m.structuredStorageSizeBytes);
      return row;
    });
  const body: JsonObject = { name };
  if (rows.length > 0) body['metrics'] = rows;
  return body;
}

/** The fields every kind of store has: its name (set by the server) and its labels. */
export const COMMON_STORE_FIELDS: Readonly<Record<'name' | 'labels', FieldSpec>> = {
  name: { kind: { type: 'string' }, outputOnly: true },
  labels: { kind: { type: 'labels' }, mutable: true },
};

const FHIR_VERSIONS = ['DSTU2', 'STU3', 'R4', 'R5'] as const;
const PARSING = ['COMPLEX_DATA_TYPE_REFERENCE_PARSING_UNSPECIFIED', 'DISABLED', 'ENABLED'] as const;

/** FhirStore (reference §1.3). */
export const FHIR_STORE_SPEC: StoreKindSpec<'fhir'> = {
  kind: 'fhir',
  collection: 'fhirStores',
  idParam: 'fhirStoreId',
  label: 'FHIR store',
  schema: {
    typeName: 'FhirStore',
    bodyField: 'fhir_store',
    fields: {
      ...COMMON_STORE_FIELDS,
      version: { kind: { type: 'enum', values: ['VERSION_UNSPECIFIED', ...FHIR_VERSIONS] } },
      enableUpdateCreate: { kind: { type: 'bool' }, mutable: true },
      disableReferentialIntegrity: { kind: { type: 'bool' } },
      disableResourceVersioning: { kind: { type: 'bool' } },
      defaultSearchHandlingStrict: { kind: { type: 'bool' }, mutable: true },
      complexDataTypeReferenceParsing: { kind: { type: 'enum', values: PARSING }, mutable: true },
      notificationConfig: { kind: { type: 'message' }, mutable: true },
      notificationConfigs: { kind: { type: 'messageList' }, mutable: true },
      streamConfigs: { kind: { type: 'messageList', max: 10 }, mutable: true },
      validationConfig: { kind: { type: 'message' }, mutable: true },
      consentConfig: { kind: { type: 'message' }, mutable: true },
      bulkExportGcsDestination: { kind: { type: 'message' }, mutable: true },
    },
  },
  checkId: checkResourceId,
  finish(config, isCreate) {
    const version = config['version'];
    // `version` is "Required, Immutable" in the reference, so an absent or UNSPECIFIED version is a
    // 400 rather than a silent default: a client that forgets it would fail against Google too.
    if (isCreate && (version === undefined || version === 'VERSION_UNSPECIFIED')) {
      throw invalidArgument(`fhir_store.version is required; one of ${FHIR_VERSIONS.join(', ')}.`);
    }
    const parsing = config['complexDataTypeReferenceParsing'];
    const unset = parsing === undefined || parsing === PARSING[0];
    if (version === 'R5' && parsing === 'DISABLED') {
      throw invalidArgument('complexDataTypeReferenceParsing cannot be DISABLED in an R5 FHIR store.');
    }
    // Google fills this in (Terraform treats it as server-computed); R5 stores cannot disable it.
    if (unset) config['complexDataTypeReferenceParsing'] = version === 'R5' ? 'ENABLED' : 'DISABLED';
    if (version === 'R5' && config['notificationConfig'] !== undefined) {
      throw invalidArgument('notificationConfig is not supported in R5 FHIR stores; use notificationConfigs.');
    }
    if ((version === 'R5' || version === 'DSTU2') && config['consentConfig'] !== undefined) {
      throw invalidArgument(`consentConfig is not supported in ${String(version)} FHIR stores.`);
    }
    return config;
  },
  metricsVerb: 'getFHIRStoreMetrics',
  renderMetrics: (store) => metricsByType(store.name, store.plane.metrics(), 'resourceType', (m) => m.resourceType),
};

/** DicomStore (reference §1.3). */
export const DICOM_STORE_SPEC: StoreKindSpec<'dicom'> = {
  kind: 'dicom',
  collection: 'dicomStores',
  idParam: 'dicomStoreId',
  label: 'DICOM store',
  schema: {
    typeName: 'DicomStore',
    bodyField: 'dicom_store',
    fields: {
      ...COMMON_STORE_FIELDS,
      notificationConfig: { kind: { type: 'message' }, mutable: true },
      notificationConfigs: { kind: { type: 'messageList' }, mutable: true },
      streamConfigs: { kind: { type: 'messageList' }, mutable: true },
    },
  },
  checkId: checkDicomStoreId,
  finish(config) {
    const configs = config['notificationConfigs'];
    if (Array.isArray(configs)) {
      configs.forEach((c, i) => {
        const topic = (c as JsonObject)['pubsubTopic'];
        if (typeof topic !== 'string' || topic === '') {
          throw invalidArgument(`dicom_store.notification_configs[${i}].pubsub_topic is required.`);
        }
      });
    }
    return config;
  },
  metricsVerb: 'getDICOMStoreMetrics',
  renderMetrics(store) {
    const counts = store.plane.metrics();
    const body: JsonObject = { name: store.name };
    setInt64(body, 'studyCount', counts.studyCount);
    setInt64(body, 'seriesCount', counts.seriesCount);
    setInt64(body, 'instanceCount', counts.instanceCount);
    setInt64(body, 'structuredStorageSizeBytes', counts.structuredStorageSizeBytes);
    setInt64(body, 'blobStorageSizeBytes', counts.blobStorageSizeBytes);
    return body;
  },
};

/** A store as the API returns it. */
export function renderStore(store: StoreRecord<unknown>): JsonObject {
  return { name: store.name, ...omitDefaults(store.config) };
}

/** The store with this id in a dataset, or a 404 naming it. */
export function getStore<K extends DataPlaneKind>(
  spec: StoreKindSpec<K>,
  dataset: DatasetRecord,
  id: string,
): StoreRecord<PlaneByKind[K]> {
  const stores = dataset.stores[spec.kind] as Map<string, StoreRecord<PlaneByKind[K]>>;
  const store = stores.get(id);
  if (store === undefined) throw notFound(`${spec.label} not found: ${dataset.name}/${spec.collection}/${id}`);
  return store;
}

/** Routes for one store kind. */
export function storeRoutes<K extends DataPlaneKind>(state: EmulatorState, spec: StoreKindSpec<K>): EmulatorRoute[] {
  const parent = `/v1/projects/{project}/locations/{location}/datasets/{dataset}/${spec.collection}`;
  const { collection } = spec;
  const storeOf = (params: Readonly<Record<string, string>>): StoreRecord<PlaneByKind[K]> =>
    getStore(spec, state.getDataset(datasetNameOf(params)), params['store'] ?? '');
  return [
    {
      method: 'POST',
      path: parent,
      query: [spec.idParam],
      access: requires('datasets', `healthcare.${collection}.create`),
      handle: async (ctx) => {
        const id = spec.checkId(ctx.query.get(spec.idParam), spec.idParam);
        const config = spec.finish(readResourceBody(spec.schema, await ctx.jsonBody()), true);
        const dataset = state.getDataset(datasetNameOf(ctx.params));
        if (dataset.stores[spec.kind].has(id)) {
          throw alreadyExists(`${spec.label} already exists: ${dataset.name}/${spec.collection}/${id}`);
        }
        const store = await state.addStore(dataset, spec.kind, id, omitDefaults(config));
        await state.commit();
        return jsonReply(renderStore(store));
      },
    },
    {
      method: 'GET',
      path: parent,
      query: ['filter', 'pageSize', 'pageToken'],
      access: requires('datasets', `healthcare.${collection}.list`),
      handle: (ctx) => {
        const dataset = state.getDataset(datasetNameOf(ctx.params));
        const matches = parseLabelFilter(ctx.query.get('filter'));
        const stores = [...dataset.stores[spec.kind].values()].filter((s) =>
          matches((s.config['labels'] ?? {}) as Record<string, string>),
        );
        return jsonReply(
          listPage(ctx.query, {
            items: stores,
            idOf: (s) => s.id,
            collection: `${dataset.name}/${spec.collection}`,
            field: spec.collection,
            render: renderStore,
          }),
        );
      },
    },
    {
      method: 'GET',
      path: `${parent}/{store}`,
      query: [],
      access: requires(collection, `healthcare.${collection}.get`),
      handle: (ctx) => jsonReply(renderStore(storeOf(ctx.params))),
    },
    {
      method: 'PATCH',
      path: `${parent}/{store}`,
      query: ['updateMask'],
      access: requires(collection, `healthcare.${collection}.update`),
      handle: async (ctx) => {
        const store = storeOf(ctx.params);
        const paths = parseUpdateMask(spec.schema, ctx.query.get('updateMask'));
        const patch = readResourceBody(spec.schema, await ctx.jsonBody());
        const next = spec.finish(applyUpdateMask(store.config, patch, paths), false, store.config);
        store.config = omitDefaults(next);
        await state.commit();
        return jsonReply(renderStore(store));
      },
    },
    {
      method: 'DELETE',
      path: `${parent}/{store}`,
      query: [],
      access: requires(collection, `healthcare.${collection}.delete`),
      handle: async (ctx) => {
        const dataset = state.getDataset(datasetNameOf(ctx.params));
        const store = getStore(spec, dataset, ctx.params['store'] ?? '');
        await state.deleteStore(dataset, store);
        await state.commit();
        return jsonReply({});
      },
    },
    {
      method: 'GET',
      path: `${parent}/{store}:${spec.metricsVerb}`,
      query: [],
      // The reference lists no permission for the metrics methods; they read the store like get.
      access: requires(collection, `healthcare.${collection}.get`),
      handle: (ctx) => jsonReply(spec.renderMetrics(storeOf(ctx.params))),
    },
  ];
}
