/**
 * Bulk data in and out of stores through the emulated Cloud Storage (`EMULATOR_GCS_DIR`):
 * `fhirStores.import/export`, `dicomStores.import/export` and `hl7V2Stores.export`, each a
 * long-running operation of the store's dataset with Google's counters and responses. BigQuery
 * and Pub/Sub destinations are refused with a 400 that names the emulator's limit.
 */

import type { JobOutcome } from '../deid/job.js';
import { requires, type RouteAccess } from '../iam/access.js';
import type { JsonObject } from '../json.js';
import type { EmulatorModule, EmulatorRoute, EmulatorServices } from '../module.js';
import type { OperationCounter } from '../operations.js';
import { datasetNameOf } from '../names.js';
import type { Reply } from '../reply.js';
import type { EmulatorRequest } from '../request.js';
import type { DatasetRecord, PlaneByKind, StoreRecord } from '../state.js';
import { DICOM_STORE_SPEC, FHIR_STORE_SPEC, getStore, type StoreKindSpec } from '../stores.js';
import { DicomStore } from '../dicom/dicom-store.js';
import { FhirStore } from '../fhir/store.js';
import { Hl7V2MessageStore } from '../hl7v2/message-store.js';
import { HL7V2_STORE_SPEC } from '../hl7v2/store-spec.js';
import {
  DICOM_EXPORT_METHOD,
  DICOM_EXPORT_RESPONSE,
  DICOM_IMPORT_METHOD,
  DICOM_IMPORT_RESPONSE,
  parseDicomExportRequest,
  parseDicomImportRequest,
  planDicomExport,
  planDicomImport,
} from './dicom.js';
import {
  exportResponse,
  FHIR_EXPORT_METHOD,
  FHIR_IMPORT_METHOD,
  FHIR_IMPORT_RESPONSE,
  parseExportRequest,
  parseImportRequest,
  planExport,
  planImport,
} from './fhir.js';
import { HL7V2_EXPORT_METHOD, HL7V2_EXPORT_RESPONSE, parseHl7V2ExportRequest, planHl7V2Export } from './hl7v2.js';
import { bulkDataRoutes } from './bulk-data.js';
import { importOutcome, operationIdOf, startJob } from './requests.js';

const DATASET_PATH = '/v1/projects/{project}/locations/{location}/datasets/{dataset}';

/** The store's data plane, which must be the emulator's own kind. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- classes with private constructors
function planeOf<P>(record: StoreRecord<unknown>, kind: Function & { prototype: P }): P {
  if (!(record.plane instanceof kind)) throw new Error(`${record.name} has no data plane for bulk methods`);
  return record.plane as P;
}

/**
 * How an import ends: as `importOutcome` says, or NOT_FOUND when its source matched no object
 * (Google reads the bucket after answering, so that is the operation's error, not the request's).
 */
function importEnd(uri: string, matched: number, response: JsonObject): (counter: OperationCounter) => JobOutcome {
  if (matched > 0) return importOutcome(response);
  return () => ({ error: { code: 5, message: `gcsSource.uri ${uri.slice(0, 300)} matches no objects (the emulator's Cloud Storage is the EMULATOR_GCS_DIR folder).` } });
}

/** The routes of the bulk methods. */
export function bulkRoutes(services: EmulatorServices): EmulatorRoute[] {
  const { state, gcs } = services;
  const route = <K extends 'fhir' | 'dicom' | 'hl7v2'>(
    spec: StoreKindSpec<K>,
    verb: 'import' | 'export',
    access: RouteAccess,
    handle: (body: Awaited<ReturnType<EmulatorRequest['jsonBody']>>, dataset: DatasetRecord, store: StoreRecord<PlaneByKind[K]>) => Promise<Reply>,
  ): EmulatorRoute => ({
    method: 'POST',
    path: `${DATASET_PATH}/${spec.collection}/{store}:${verb}`,
    query: [],
    access,
    handle: async (ctx) => {
      const dataset = state.getDataset(datasetNameOf(ctx.params));
      const store = getStore(spec, dataset, ctx.params['store'] ?? '');
      return handle(await ctx.jsonBody(), dataset, store);
    },
  });
  return [
    ...bulkDataRoutes(services),
    route(FHIR_STORE_SPEC, 'import', requires('fhirStores', 'healthcare.fhirStores.import'), async (body, dataset, record) => {
      const { uri, structure } = parseImportRequest(body);
      const files = await gcs.match(uri);
      const chunks = await planImport(gcs, planeOf(record, FhirStore), files, structure);
      return startJob(services, dataset, FHIR_IMPORT_METHOD, () => chunks, importEnd(uri, files.length, { ...FHIR_IMPORT_RESPONSE, fhirStore: record.name }));
    }),
    route(FHIR_STORE_SPEC, 'export', requires('fhirStores', 'healthcare.fhirStores.export'), (body, dataset, record) => {
      const request = parseExportRequest(body);
      const store = planeOf(record, FhirStore);
      return startJob(services, dataset, FHIR_EXPORT_METHOD, (op) => planExport(gcs, store, request, (type) => `${operationIdOf(op)}_${type}`).chunks, (counter) => ({
        response: exportResponse(record.name, counter.success),
      }));
    }),
    route(DICOM_STORE_SPEC, 'import', requires('dicomStores', 'healthcare.dicomStores.import'), async (body, dataset, record) => {
      const uri = parseDicomImportRequest(body);
      const files = await gcs.match(uri);
      const chunks = planDicomImport(gcs, planeOf(record, DicomStore), files);
      return startJob(services, dataset, DICOM_IMPORT_METHOD, () => chunks, importEnd(uri, files.length, DICOM_IMPORT_RESPONSE));
    }),
    route(DICOM_STORE_SPEC, 'export', requires('dicomStores', 'healthcare.dicomStores.export'), (body, dataset, record) => {
      const prefix = parseDicomExportRequest(body);
      const chunks = planDicomExport(gcs, planeOf(record, DicomStore), prefix);
      return startJob(services, dataset, DICOM_EXPORT_METHOD, () => chunks, () => ({ response: DICOM_EXPORT_RESPONSE }));
    }),
    route(HL7V2_STORE_SPEC, 'export', requires('hl7V2Stores', 'healthcare.hl7V2Stores.export'), (body, dataset, record) => {
      const request = parseHl7V2ExportRequest(body);
      const zone = typeof dataset.config['timeZone'] === 'string' && dataset.config['timeZone'] !== '' ? dataset.config['timeZone'] : 'UTC';
      const store = planeOf(record, Hl7V2MessageStore);
      return startJob(services, dataset, HL7V2_EXPORT_METHOD, (op) => planHl7V2Export(gcs, store, request, zone, operationIdOf(op)), () => ({
        response: HL7V2_EXPORT_RESPONSE,
      }));
    }),
  ];
}

/**
 * Registered in `BUILT_IN_MODULES` before the FHIR module, whose `fhir/{path=**}` route would
 * otherwise take `fhir/$export`; it reads and writes the FHIR, DICOM and HL7v2 data planes.
 */
export const bulkModule: EmulatorModule = {
  name: 'bulk',
  routes: bulkRoutes,
};
