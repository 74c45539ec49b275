import type { StudyPlan } from '../imaging-plan.js';
import type { PanelKey } from './catalog/observations.js';
import { recordAllergies } from './allergies.js';
import { Chart } from './chart.js';
import { planChronicConditions, recordAcuteCondition, recordChronicCondition } from './conditions.js';
import type { PatientContext, Visit } from './context.js';
import { createPatient, type PatientProfile } from './demographics.js';
import { performImaging } from './imaging.js';
import { immunizer } from './immunizations.js';
import { closeMedication, renewChronicMedication, startChronicMedication, treatAcuteCondition } from './medications.js';
import { orderLabs, recordVitals } from './observations.js';
import { performProcedures } from './procedures.js';
import { scheduleVisits } from './visits.js';
import type { Providers } from './providers.js';
import { Rng, deriveSeed } from './random.js';

/** How much history a patient gets. */
export interface RecordShape {
  /** A long, dense record (for paging through `$everything`). */
  heavy: boolean;
  /** Whether the patient has imaging studies. */
  imaging: boolean;
}

export interface PatientRecord {
  patient: PatientProfile;
  chart: Chart;
  imaging: StudyPlan[];
}

// Tells a patient's residence stream from their record's.
const RESIDENCE_STREAM = 1;
// The residence stream's generator, reseeded for each patient (a new Faker per patient would cost
// more than the patient); records are written one at a time, so one is enough.
const residenceRng = new Rng();

/**
 * Writes one patient and their whole record, drawing only from `rng` (seeded for this patient)
 * and, for the residence, from a second stream derived from `seed` and `number`.
 */
export function generatePatientRecord(rng: Rng, seed: number, number: number, providers: Providers, shape: RecordShape): PatientRecord {
  const patient = createPatient(rng, residenceRng.reseed(deriveSeed(seed, number, RESIDENCE_STREAM)), number, providers);
  const context: PatientContext = {
    seed,
    rng,
    chart: new Chart(String(number).padStart(6, '0')),
    patient,
    providers,
    chronic: planChronicConditions(rng, patient),
    avoid: new Set(),
  };
  const visits = scheduleHistory(context, shape.heavy);
  const [first] = visits;
  if (first !== undefined) recordAllergies(context, first);

  const vaccinate = immunizer(context);
  for (const visit of visits) {
    for (const plan of context.chronic) {
      if (plan.diagnosis !== visit) continue;
      recordChronicCondition(context, plan, visit);
      startChronicMedication(context, plan, visit);
    }
    recordAcuteCondition(context, visit);
    recordVitals(context, visit);
    orderLabs(context, visit, labsFor(context, visit));
    performProcedures(context, visit);
    treatAcuteCondition(context, visit);
    renewChronicMedication(context, visit);
    vaccinate(visit);
  }
  closeMedication(context);

  const studies = shape.imaging && visits.length > 0 ? performImaging(context, visits, shape.heavy ? 3 : rng.int(1, 3)) : [];
  return { patient, chart: context.chart, imaging: studies };
}

function scheduleHistory(context: PatientContext, heavy: boolean): Visit[] {
  const { rng } = context;
  // Heavy records: about forty visits over twelve years, so well over a hundred observations.
  return heavy ? scheduleVisits(context, rng.int(36, 46), 12) : scheduleVisits(context, rng.int(3, 10), rng.real(2, 12));
}

/** Labs drawn at a visit: what its complaint calls for, monitoring of known conditions, and screening at adult checkups. */
function labsFor(context: PatientContext, visit: Visit): Set<PanelKey> {
  const { rng } = context;
  const panels = new Set<PanelKey>();
  if (visit.acute !== undefined && (visit.kind !== 'AMB' || rng.chance(0.5))) visit.acute.labs.forEach((panel) => panels.add(panel));
  for (const plan of context.chronic) {
    if (plan.diagnosis === undefined || plan.diagnosis.start > visit.start) continue;
    const chance = plan === visit.focus ? 0.7 : visit.purpose === 'checkup' ? 0.4 : 0;
    for (const panel of plan.spec.labs) if (rng.chance(chance)) panels.add(panel);
  }
  if (visit.purpose === 'checkup' && visit.age >= 18) {
    if (rng.chance(0.35)) panels.add('cbc');
    if (rng.chance(0.4)) panels.add('bmp');
    if (visit.age >= 20 && rng.chance(0.3)) panels.add('lipids');
  }
  return panels;
}
