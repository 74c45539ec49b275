/** A stored HL7v2 message: what the API renders, with times kept as numbers for filtering and order. */

import type { Micros } from '../../hl7v2/datetime.js';
import type { ParsedSegment } from './parsed-data.js';
import type { PatientId } from './summary.js';

export interface MessageRecord {
  /** The last segment of the name. */
  id: string;
  /** `projects/…/hl7V2Stores/{s}/messages/{id}`. */
  name: string;
  /** The raw message, base64 (standard alphabet), as received. */
  data: string;
  createTime: Micros;
  labels: Record<string, string>;
  messageType?: string;
  sendFacility?: string;
  sendTime?: Micros;
  patientIds: PatientId[];
  parsedData: { segments: ParsedSegment[] };
}
