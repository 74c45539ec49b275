/**
 * The demo cohort: a deterministic synthetic population as FHIR R4 resources, plus a plan for each
 * DICOM study so that the DICOM generator writes images matching the FHIR ImagingStudy resources.
 */
import type { StudyPlan } from '../imaging-plan.js';
import { RECORD_TYPES, type RecordType } from './chart.js';
import { buildProviders } from './providers.js';
import { Rng, deriveSeed } from './random.js';
import { generatePatientRecord } from './record.js';
import type { FhirResource } from './types.js';

export { DEFAULT_BUNDLE_SIZE, toBundles, type FhirBundle } from './bundles.js';
export { SOP_CLASS } from './catalog/imaging.js';
export { SYSTEM } from './catalog/systems.js';
export { mrnOf, patientIdOf } from './demographics.js';
export { COHORT_REFERENCE_DATE } from './time.js';
export type { FhirResource } from './types.js';

/** The seed used when none is given. */
export const DEFAULT_COHORT_SEED = 20260630;
/** The share of patients with imaging when none is given. */
export const DEFAULT_IMAGING_SHARE = 0.35;
/** Every `HEAVY_EVERY`th patient, starting with the first, has a long record (150+ resources). */
export const HEAVY_EVERY = 25;

export interface CohortOptions {
  /** How many patients (0 or more). */
  patients: number;
  /** Any safe integer; the same patients and seed always give the same cohort. */
  seed?: number;
  /**
   * Share of patients (0–1) with one to three imaging studies. Exactly `ceil(patients × share)` of
   * them get imaging, spread evenly, so the default 0.35 gives at least 35 % for every cohort size.
   */
  imagingShare?: number;
}

export interface Cohort {
  /**
   * FHIR R4 resources with client-chosen stable ids, in an order where every reference points at an
   * earlier resource (Organizations, Practitioners, Patients, Encounters, then the rest).
   */
  resources: FhirResource[];
  /** One plan per DICOM study, mirrored by an ImagingStudy in `resources`. */
  imaging: StudyPlan[];
}

/**
 * Generates the cohort. Each patient is drawn from a stream of their own (derived from the seed and
 * their number), so patient n is the same in every cohort of n or more patients with that seed; the
 * organizations and practitioners do not depend on the size at all.
 */
export function generateCohort(options: CohortOptions): Cohort {
  const { patients, seed = DEFAULT_COHORT_SEED, imagingShare = DEFAULT_IMAGING_SHARE } = options;
  if (!Number.isSafeInteger(patients) || patients < 0) throw new RangeError(`patients must be a non-negative integer, got ${patients}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  if (!(imagingShare >= 0 && imagingShare <= 1)) throw new RangeError(`imagingShare must be between 0 and 1, got ${imagingShare}`);

  const rng = new Rng();
  const providers = buildProviders(rng.reseed(deriveSeed(seed, 0)));
  const patientResources: FhirResource[] = [];
  const records = new Map<RecordType, FhirResource[]>(RECORD_TYPES.map((type) => [type, []]));
  const imaging: StudyPlan[] = [];
  for (let number = 1; number <= patients; number++) {
    const record = generatePatientRecord(rng.reseed(deriveSeed(seed, number)), seed, number, providers, {
      heavy: (number - 1) % HEAVY_EVERY === 0,
      imaging: Math.ceil(number * imagingShare) > Math.ceil((number - 1) * imagingShare),
    });
    patientResources.push(record.patient.resource);
    for (const type of RECORD_TYPES) {
      const list = records.get(type) ?? [];
      for (const resource of record.chart.records[type]) list.push(resource);
    }
    imaging.push(...record.imaging);
  }

  return {
    resources: [
      ...providers.facilities.map((facility) => facility.resource),
      ...providers.clinicians.map((clinician) => clinician.resource),
      ...patientResources,
      ...RECORD_TYPES.flatMap((type) => records.get(type) ?? []),
    ],
    imaging,
  };
}
