/**
 * The seam between the admin surface and the per-store data planes (FHIR REST, DICOMweb, HL7v2). Each
 * store owns one data-plane object created by a factory; the admin surface asks it for metrics
 * and tells it when the store goes away. Modules that implement a data plane register a factory
 * (see `EmulatorModule` in `module.ts`) and keep all their data inside the object they return.
 */

import type { JsonObject } from './json.js';
import type { StoreChange } from './notifications/changes.js';

/** The kind of store a data plane serves. */
export type DataPlaneKind = 'fhir' | 'dicom' | 'hl7v2';

/** What a data plane knows about the store it serves. */
export interface StoreHandle {
  readonly kind: DataPlaneKind;
  /** Full resource name, `projects/…/datasets/…/fhirStores/…`. */
  readonly name: string;
  /** The store's configuration as currently stored (proto3 JSON without `name`); live. */
  config(): JsonObject;
  /**
   * A directory reserved for this store's data when the emulator persists to disk (created by the
   * data plane when it first writes; removed when the store is deleted). `undefined` = memory only.
   */
  readonly dataDir: string | undefined;
  /** Reports a change (what Cloud Healthcare notifies to the store's Pub/Sub topics). */
  changed?(change: StoreChange): void;
}

/** Lifecycle shared by every data plane. */
export interface DataPlaneLifecycle {
  /** Called when the emulator stops: flush anything buffered. */
  close?(): Promise<void> | void;
  /** Called when the store (or its dataset) is deleted, before its `dataDir` is removed. */
  destroy?(): Promise<void> | void;
}

/** One row of `FhirStoreMetrics.metrics`. Counts are numbers here; the API renders them as int64 strings. */
export interface FhirResourceMetric {
  resourceType: string;
  count: number;
  structuredStorageSizeBytes: number;
}

/** Per-store FHIR data, as seen by the admin surface. */
export interface FhirDataPlane extends DataPlaneLifecycle {
  /** One entry per resource type present in the store. */
  metrics(): FhirResourceMetric[];
}

/** The counts behind `DicomStoreMetrics`. */
export interface DicomStoreCounts {
  studyCount: number;
  seriesCount: number;
  instanceCount: number;
  structuredStorageSizeBytes: number;
  blobStorageSizeBytes: number;
}

/** Per-store DICOM data, as seen by the admin surface. */
export interface DicomDataPlane extends DataPlaneLifecycle {
  metrics(): DicomStoreCounts;
}

/** One row of `Hl7V2StoreMetrics.metrics`: the messages of one type (MSH-9.1). */
export interface Hl7V2MessageTypeMetric {
  messageType: string;
  count: number;
  structuredStorageSizeBytes: number;
}

/** Per-store HL7v2 messages, as seen by the admin surface. */
export interface Hl7V2DataPlane extends DataPlaneLifecycle {
  /** One entry per message type present in the store. */
  metrics(): Hl7V2MessageTypeMetric[];
}

export type FhirDataPlaneFactory = (store: StoreHandle) => FhirDataPlane | Promise<FhirDataPlane>;
export type DicomDataPlaneFactory = (store: StoreHandle) => DicomDataPlane | Promise<DicomDataPlane>;
export type Hl7V2DataPlaneFactory = (store: StoreHandle) => Hl7V2DataPlane | Promise<Hl7V2DataPlane>;

/** The data plane a store gets while no module supplies one: it holds nothing. */
export const emptyFhirDataPlane: FhirDataPlaneFactory = () => ({ metrics: () => [] });

/** The data plane a store gets while no module supplies one: it holds nothing. */
export const emptyDicomDataPlane: DicomDataPlaneFactory = () => ({
  metrics: () => ({
    studyCount: 0,
    seriesCount: 0,
    instanceCount: 0,
    structuredStorageSizeBytes: 0,
    blobStorageSizeBytes: 0,
  }),
});

/** The data plane a store gets while no module supplies one: it holds nothing. */
export const emptyHl7V2DataPlane: Hl7V2DataPlaneFactory = () => ({ metrics: () => [] });
