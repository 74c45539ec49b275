import type { FhirResource } from './types.js';

/**
 * The resource types of a patient's record in load order: a resource only references types listed
 * before its own (or Organization, Practitioner and Patient, which load before every record).
 */
export const RECORD_TYPES = [
  'Encounter',
  'Condition',
  'Observation',
  'Procedure',
  'MedicationRequest',
  'AllergyIntolerance',
  'Immunization',
  'ImagingStudy',
  'DiagnosticReport',
] as const;

export type RecordType = (typeof RECORD_TYPES)[number];

const ID_PREFIX: Record<RecordType, string> = {
  Encounter: 'enc',
  Condition: 'cond',
  Observation: 'obs',
  Procedure: 'proc',
  MedicationRequest: 'medrx',
  AllergyIntolerance: 'allergy',
  Immunization: 'imm',
  ImagingStudy: 'img',
  DiagnosticReport: 'rpt',
};

/**
 * One patient's resources by type. Ids are `<prefix>-<patient number>-<sequence>`, so they depend only
 * on the patient and the order the record was written in, never on other patients.
 */
export class Chart {
  readonly records = Object.fromEntries(RECORD_TYPES.map((type) => [type, [] as FhirResource[]])) as Record<
    RecordType,
    FhirResource[]
  >;

  constructor(private readonly patientKey: string) {}

  /** Stores a new resource of `type`, giving it the next id, and returns it. */
  add(type: RecordType, body: Record<string, unknown>): FhirResource {
    const list = this.records[type];
    const id = `${ID_PREFIX[type]}-${this.patientKey}-${String(list.length + 1).padStart(4, '0')}`;
    const resource: FhirResource = { resourceType: type, id, ...body };
    list.push(resource);
    return resource;
  }
}
