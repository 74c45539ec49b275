/**
 * What the graph's subscriptions listen to: the stores' Pub/Sub notifications, parsed into events.
 * An event is a hint that something changed, never data to forward: a subscription reads what
 * changed again with its subscriber's credentials before it answers.
 */

/** A FHIR resource was created, updated, patched or deleted. */
export interface FhirStoreEvent {
  kind: 'fhir';
  /** The store's full resource name, `projects/…/fhirStores/{s}`. */
  store: string;
  /** The resource's name, `{store}/fhir/{type}/{id}`. */
  name: string;
  action: 'CREATE' | 'UPDATE' | 'PATCH' | 'DELETE';
  resourceType: string;
  resourceId: string;
  versionId?: string;
  /** RFC 3339. */
  lastUpdated?: string;
}

/** A DICOM instance was stored (or deleted). */
export interface DicomStoreEvent {
  kind: 'dicom';
  store: string;
  /** `{store}/dicomWeb/studies/{study}/series/{series}/instances/{instance}`. */
  name: string;
  action: 'STORE' | 'DELETE';
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  versionId?: string;
}

/** An HL7v2 message was created or ingested. */
export interface Hl7V2StoreEvent {
  kind: 'hl7v2';
  store: string;
  /** `{store}/messages/{id}`. */
  name: string;
  /** MSH-9.1, from the `msgType` attribute. */
  messageType?: string;
}

export type StoreEvent = FhirStoreEvent | DicomStoreEvent | Hl7V2StoreEvent;

/** Called with each event once per replica, after duplicates and stale versions are dropped. */
export type StoreEventListener = (event: StoreEvent) => void;

/**
 * The replica's feed of store events. Every listener of a store gets the same event object, so
 * what is read for one event can be shared by all its subscribers (keyed by the event object).
 */
export interface StoreEventSource {
  /**
   * Starts listening to a store's events on the given Pub/Sub topics (from the store's
   * `notificationConfigs`). Resolves once this replica receives from them; the returned function
   * stops this listener (the replica's Pub/Sub subscription goes when its last listener does).
   */
  listen(store: string, topics: readonly string[], listener: StoreEventListener): Promise<() => void>;
  /** Stops receiving and deletes this replica's Pub/Sub subscriptions. */
  close(): Promise<void>;
}
