/**
 * What a data plane reports after it changed: the facts a Cloud Healthcare notification is made
 * of. Data planes call `StoreHandle.changed` with these; `notifications/publisher.ts` turns them
 * into Pub/Sub messages for the store's `notificationConfigs`.
 */

import type { JsonObject } from '../json.js';
import type { MessageRecord } from '../hl7v2/record.js';

/** A committed FHIR write. */
export interface FhirChange {
  kind: 'fhir';
  action: 'CreateResource' | 'UpdateResource' | 'PatchResource' | 'DeleteResource';
  resourceType: string;
  id: string;
  /** The new version (for a delete: the deletion's version). */
  versionId: string;
  /** `meta.lastUpdated` of that version (RFC 3339). */
  lastUpdated: string;
  /** The resource as stored now; absent after a delete. */
  resource?: JsonObject;
  /** The resource before a delete (for `sendPreviousResourceOnDelete`). */
  previous?: JsonObject;
}

/** An HL7v2 message created or ingested (patches of labels are not notified). */
export interface Hl7V2Change {
  kind: 'hl7v2';
  message: MessageRecord;
  /** The dataset's time zone, for `send_date` in the configs' filters. */
  zone: string;
}

/** One DICOM instance as a notification names it. */
export interface DicomInstanceChange {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  modality?: string;
}

/** DICOM instances stored, imported or deleted by one request: one notification each. */
export interface DicomChange {
  kind: 'dicom';
  action: 'StoreInstances' | 'ImportDicomData' | 'DeleteInstances';
  instances: DicomInstanceChange[];
}

export type StoreChange = FhirChange | Hl7V2Change | DicomChange;
