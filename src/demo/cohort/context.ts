import type { AcuteSpec, ChronicKey, ChronicSpec, EncounterKind } from './catalog/conditions.js';
import type { VisitPurpose } from './catalog/encounters.js';
import type { MedicationKey } from './catalog/medications.js';
import type { Chart } from './chart.js';
import { referenceTo } from './fhir.js';
import type { PatientProfile } from './demographics.js';
import type { Physiology } from './physiology.js';
import type { Clinician, Facility, Providers } from './providers.js';
import type { Rng } from './random.js';
import { ageAt } from './time.js';
import type { FhirResource, Reference } from './types.js';

/** A chronic condition the patient develops, and what the record has made of it so far. */
export interface ChronicPlan {
  key: ChronicKey;
  spec: ChronicSpec;
  onset: number;
  /** The visit it was first recorded at. */
  diagnosis?: Visit;
  condition?: FhirResource;
  /** When medication for it started. */
  treatedSince?: number;
  /** The latest request per medication, renewed about yearly. */
  prescriptions: { key: MedicationKey; request: FhirResource; authored: number }[];
}

/** One encounter and why it happened. */
export interface Visit {
  resource: FhirResource;
  ref: Reference;
  kind: EncounterKind;
  purpose: VisitPurpose;
  start: number;
  end: number;
  age: number;
  clinician: Clinician;
  facility: Facility;
  acute?: AcuteSpec;
  /** The chronic condition a follow-up is about. */
  focus?: ChronicPlan;
  /** The Condition recorded for `acute`. */
  condition?: FhirResource;
}

/** Everything the writers of one patient's record share. */
export interface PatientContext {
  seed: number;
  rng: Rng;
  chart: Chart;
  patient: PatientProfile;
  providers: Providers;
  chronic: ChronicPlan[];
  /** Medications this patient must not get (allergies). */
  avoid: Set<MedicationKey>;
}

/** The patient's physiology at `time`, while ill with `acute` if given. */
export function physiologyAt(context: PatientContext, time: number, acute?: AcuteSpec): Physiology {
  const present = context.chronic.filter((plan) => plan.onset <= time);
  return {
    age: ageAt(context.patient.birth, time),
    person: context.patient.person,
    heightFactor: context.patient.heightFactor,
    conditions: new Set(present.map((plan) => plan.key)),
    treated: new Set(present.filter((plan) => plan.treatedSince !== undefined && plan.treatedSince <= time).map((plan) => plan.key)),
    ...(acute === undefined ? {} : { acute }),
  };
}

/** A reason reference to the condition a visit was about, if any. */
export function reasonOf(visit: Visit): { reasonReference: Reference[] } | Record<string, never> {
  const condition = visit.condition ?? visit.focus?.condition;
  return condition === undefined ? {} : { reasonReference: [referenceTo(condition)] };
}
