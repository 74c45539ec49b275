/**
 * Turns "copy these stores de-identified into those" into runnable chunks. Everything the copy
 * depends on is fixed when the operation starts: the list of source resources and instances (a
 * snapshot, so writes to the source during the run do not change what is copied), the keys, and
 * what the inspector knows (the identifying values of the source's patients and practitioners,
 * and each patient's date-shift key).
 */

import { Changes } from '../fhir/changes.js';
import { localTarget, findReferences } from '../fhir/references.js';
import type { FhirStore, ResourceRecord } from '../fhir/store.js';
import type { DicomStore } from '../dicom/dicom-store.js';
import type { InstanceRecord } from '../dicom/instance-index.js';
import { parseInstance } from '../dicom/part10.js';
import { TAG } from '../dicom/tags.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { DeidentifyConfig } from './config.js';
import { deidentifyInstance } from './dicom-transform.js';
import { compileRules, deidentifyResource, type FhirDeidContext } from './fhir-transform.js';
import { chunksOf, type Chunk } from './job.js';
import { DeidKeys } from './keys.js';
import { TextInspector } from './text.js';

/** Resources per FHIR change set: one journal line each, and the progress step. */
const FHIR_CHUNK = 100;
/** Instances per DICOM chunk (each is parsed and re-encoded). */
const DICOM_CHUNK = 10;

/** One FHIR store to copy. */
export interface FhirCopy {
  readonly source: FhirStore;
  /** Only these `Type/id`s (`resourceFilter`); all when undefined. */
  readonly only?: ReadonlySet<string>;
  readonly destination: FhirStore;
}

/** One DICOM store to copy. */
export interface DicomCopy {
  readonly source: DicomStore;
  readonly destination: DicomStore;
}

/** What one operation copies. */
export interface CopyPlan {
  readonly fhir: readonly FhirCopy[];
  readonly dicom: readonly DicomCopy[];
}

/** The MRN of a Patient: its identifier typed `MR` (HL7 v2-0203), the key DICOM's PatientID carries too. */
function mrnOf(patient: JsonObject): string | undefined {
  for (const identifier of asObjects(patient['identifier'])) {
    const coding = asObjects(isJsonObject(identifier['type']) ? identifier['type']['coding'] : undefined);
    if (coding.some((c) => c['code'] === 'MR') && typeof identifier['value'] === 'string') return identifier['value'];
  }
  return undefined;
}

function asObjects(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

function strings(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Teaches the inspector the identifying values of a person resource (Patient, Practitioner, …). */
function learnPerson(resource: JsonObject, inspector: TextInspector): void {
  for (const name of asObjects(resource['name'])) {
    const given = strings(name['given']);
    const family = strings(name['family']);
    for (const part of [...given, ...family, ...strings(name['text'])]) inspector.learn(part, 'PERSON_NAME');
    if (given.length > 0 && family.length > 0) inspector.learn(`${given.join(' ')} ${family.join(' ')}`, 'PERSON_NAME');
  }
  for (const telecom of asObjects(resource['telecom'])) {
    for (const value of strings(telecom['value'])) inspector.learn(value, telecom['system'] === 'email' ? 'EMAIL_ADDRESS' : 'PHONE_NUMBER');
  }
  for (const address of asObjects(resource['address'])) {
    for (const value of [...strings(address['line']), ...strings(address['city']), ...strings(address['postalCode']), ...strings(address['text'])]) {
      inspector.learn(value, 'LOCATION');
    }
  }
  for (const identifier of asObjects(resource['identifier'])) {
    for (const value of strings(identifier['value'])) inspector.learn(value, 'MEDICAL_RECORD_NUMBER');
  }
}

const PERSON_TYPES = new Set(['Patient', 'Practitioner', 'RelatedPerson', 'Person']);

/** The source records of a FHIR copy, fixed now. */
function snapshot(copy: FhirCopy): ResourceRecord[] {
  const records: ResourceRecord[] = [];
  for (const { resourceType } of copy.source.metrics()) {
    for (const record of copy.source.table(resourceType).records.values()) {
      if (copy.only === undefined || copy.only.has(`${record.type}/${record.id}`)) records.push(record);
    }
  }
  return records;
}

/** Builds the chunks of an operation. */
export function planChunks(plan: CopyPlan, config: DeidentifyConfig): Chunk[] {
  const keys = DeidKeys.from(config);
  const inspector = new TextInspector();
  const fhirRecords = plan.fhir.map((copy) => ({ copy, records: snapshot(copy) }));
  const dicomRecords = plan.dicom.map((copy) => ({ copy, records: [...copy.source.index.instances()] }));

  // Date shifts are per patient, keyed by the MRN when there is one: DICOM's PatientID is the
  // MRN, so a patient's studies and FHIR resources move by the same number of days.
  const patientKeys = new Map<string, string>();
  for (const { records } of fhirRecords) {
    for (const { type, id, resource } of records) {
      if (PERSON_TYPES.has(type)) learnPerson(resource, inspector);
      if (type === 'Patient') patientKeys.set(id, mrnOf(resource) ?? `Patient/${id}`);
      if (type === 'ImagingStudy') {
        for (const identifier of asObjects(resource['identifier'])) {
          if (identifier['system'] !== 'urn:dicom:uid') for (const v of strings(identifier['value'])) inspector.learn(v, 'GENERIC_ID');
        }
      }
    }
  }
  for (const { records } of dicomRecords) for (const record of records) learnDicom(record, inspector);

  const rules = compileRules(config);
  const chunks: Chunk[] = [];
  for (const { copy, records } of fhirRecords) {
    const ctx: FhirDeidContext = {
      config,
      keys,
      inspector,
      sourceStore: copy.source.name,
      shiftDaysOf: (resource) => keys.shiftDays(patientKeyOf(resource, copy.source.name, patientKeys)),
    };
    for (const chunk of chunksOf(records, FHIR_CHUNK)) {
      chunks.push({ size: chunk.length, run: () => copyResources(chunk, copy.destination, rules, ctx) });
    }
  }
  const dicomCtx = { config, keys, inspector };
  for (const { copy, records } of dicomRecords) {
    for (const chunk of chunksOf(records, DICOM_CHUNK)) {
      chunks.push({
        size: chunk.length,
        run: async () => {
          let failed = 0;
          for (const record of chunk) if (!(await copyInstance(record, copy, dicomCtx))) failed++;
          return failed;
        },
      });
    }
  }
  return chunks;
}

/** The date-shift key of a resource: its patient's, or its own when it belongs to no patient. */
function patientKeyOf(resource: JsonObject, storeName: string, patientKeys: ReadonlyMap<string, string>): string {
  const type = String(resource['resourceType']);
  const id = String(resource['id']);
  if (type === 'Patient') return patientKeys.get(id) ?? `Patient/${id}`;
  for (const found of findReferences(resource, false)) {
    const target = localTarget(found.reference, storeName);
    if (target?.type === 'Patient') return patientKeys.get(target.id) ?? `Patient/${target.id}`;
  }
  return `${type}/${id}`;
}

/** Teaches the inspector a DICOM instance's patient name parts (they recur in free-text tags). */
function learnDicom(record: InstanceRecord, inspector: TextInspector): void {
  const name = record.attributes[TAG.PatientName]?.Value?.[0];
  const alphabetic = isJsonObject(name as JsonValue) ? (name as { Alphabetic?: unknown }).Alphabetic : undefined;
  if (typeof alphabetic === 'string') for (const part of alphabetic.split(/[\^=]/)) inspector.learn(part, 'PERSON_NAME');
}

/** De-identifies a chunk of resources and writes them as one change set; resolves to the failures. */
async function copyResources(
  records: readonly ResourceRecord[],
  destination: FhirStore,
  rules: ReturnType<typeof compileRules>,
  ctx: FhirDeidContext,
): Promise<number> {
  const changes = new Changes(destination);
  let failed = 0;
  for (const record of records) {
    try {
      const copy = deidentifyResource(record.resource, rules, ctx);
      changes.create(record.type, copy, String(copy['id']));
    } catch {
      failed++;
    }
  }
  // The copy's references resolve once every chunk is written, not chunk by chunk.
  await destination.commit(changes, { checkIntegrity: false });
  return failed;
}

/** De-identifies and stores one instance; false when it failed (gone meanwhile, unreadable, duplicate). */
async function copyInstance(
  record: InstanceRecord,
  copy: DicomCopy,
  ctx: Parameters<typeof deidentifyInstance>[1],
): Promise<boolean> {
  try {
    const bytes = await copy.source.read(record);
    if (bytes === undefined) return false;
    const out = deidentifyInstance(bytes, ctx);
    await copy.destination.put(parseInstance(out), out);
    return true;
  } catch {
    return false;
  }
}
