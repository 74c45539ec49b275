/**
 * The demo's live feed (`DEMO_LIVE`): once the demo data is loaded, every interval a few new vital
 * signs for a random living patient and an HL7v2 admission (ADT^A01) of another, written over the
 * emulator's REST API as any client would. The stores' notifications then reach the graph's
 * subscriptions, so the demo app and GraphiQL have something to show. Values come from a seeded
 * generator (the same seed gives the same patients and values); the times are the clock's.
 */
import type { Logger } from '../observability/logger.js';
import { VITALS, BLOOD_PRESSURE_PANEL, type Measure } from './cohort/catalog/observations.js';
import { SYSTEM } from './cohort/catalog/systems.js';
import { patientIdOf } from './cohort/demographics.js';
import { codes, concept, quantity, round } from './cohort/fhir.js';
import { liveAdmission } from './cohort/hl7v2.js';
import { Rng } from './cohort/random.js';
import { fhirDateTime } from './cohort/time.js';
import type { FhirResource } from './cohort/types.js';
import { demoFetch, demoNames, type DemoTarget } from './seed.js';

export interface LiveFeedOptions {
  /** Milliseconds between two rounds (`DEMO_LIVE_INTERVAL_MS`). */
  intervalMs: number;
  /** The demo cohort's size: patients are picked among its numbers. */
  patients: number;
  logger: Logger;
  /** Seeds the picks and values. */
  seed?: number;
  /** The clock (effective times, message times). */
  now?: () => number;
}

export interface LiveFeed {
  /** Rounds completed so far. */
  readonly rounds: number;
  /** Stops the feed; a round under way is cut short at its next call. */
  stop(): Promise<void>;
}

/** The feed's default seed: another stream than the cohort's. */
const LIVE_SEED = 16;
/** Picks until a living patient is found: a few patients of the cohort are deceased. */
const PICKS = 5;

/** What one round wrote, for the log: counts only, never patient data. */
interface Round {
  observations: number;
  messages: number;
}

/**
 * Starts the feed once `after` (the demo load) resolves; nothing starts when it rejects or the
 * feed is stopped first. The first round comes one interval after the load.
 */
export function startLiveFeed(target: DemoTarget, options: LiveFeedOptions, after: Promise<unknown> = Promise.resolve()): LiveFeed {
  const abort = new AbortController();
  const feedTarget: DemoTarget = { ...target, signal: abort.signal };
  const rng = new Rng().reseed(options.seed ?? LIVE_SEED);
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let rounds = 0;

  const schedule = (): void => {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      running = writeRound(feedTarget, rng, options.patients, now(), rounds).then(
        (done) => {
          rounds++;
          options.logger.debug({ ...done }, 'demo live feed: round written');
        },
        (error: unknown) => {
          if (!abort.signal.aborted) options.logger.warn({ err: error }, 'demo live feed: a round failed');
        },
      ).finally(schedule);
    }, options.intervalMs);
    // The feed never keeps the process alive on its own.
    timer.unref();
  };
  after.then(schedule, () => undefined);

  return {
    get rounds() {
      return rounds;
    },
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await running;
    },
  };
}

/** One round: vital signs for one living patient, an admission of another. */
async function writeRound(target: DemoTarget, rng: Rng, patients: number, time: number, index: number): Promise<Round> {
  const names = demoNames(target);
  const measured = await livingPatient(target, rng, patients);
  const admitted = await livingPatient(target, rng, patients);
  let observations = 0;
  if (measured !== undefined) {
    for (const observation of vitalSigns(rng, measured.id, time)) {
      const body = JSON.stringify(observation);
      await (await demoFetch(target, 'POST', `${names.fhirStore}/fhir/Observation`, { body, contentType: 'application/fhir+json' })).body?.cancel();
      observations++;
    }
  }
  if (admitted === undefined) return { observations, messages: 0 };
  const text = liveAdmission(admitted, new Date(time).toISOString(), `LIVE-${time}-${index}`);
  const body = JSON.stringify({ message: { data: Buffer.from(text, 'utf8').toString('base64') } });
  await (await demoFetch(target, 'POST', `${names.hl7V2Store}/messages`, { body, contentType: 'application/json' })).body?.cancel();
  return { observations, messages: 1 };
}

/** A random patient of the cohort who is alive, read from the store; none when the picks all fail. */
async function livingPatient(target: DemoTarget, rng: Rng, patients: number): Promise<FhirResource | undefined> {
  for (let pick = 0; pick < PICKS; pick++) {
    const id = patientIdOf(rng.int(1, patients));
    const response = await demoFetch(target, 'GET', `${demoNames(target).fhirStore}/fhir/Patient/${id}`, { allow: [404, 410] });
    if (!response.ok) {
      // A store loaded with a smaller cohort than DEMO_PATIENTS says now.
      await response.body?.cancel();
      continue;
    }
    const patient = (await response.json()) as FhirResource;
    if (patient['deceasedDateTime'] === undefined && patient['deceasedBoolean'] !== true) return patient;
  }
  return undefined;
}

/** A resting adult's heart rate, blood pressure and oxygen saturation, as the cohort codes them. */
function vitalSigns(rng: Rng, patientId: string, time: number): object[] {
  const base = {
    resourceType: 'Observation',
    status: 'final',
    category: [codes(SYSTEM.observationCategory, 'vital-signs', 'Vital Signs')],
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: fhirDateTime(time),
    issued: fhirDateTime(time),
  };
  const value = (measure: Measure, amount: number) => quantity(round(amount, measure.digits), measure.unit, measure.ucum);
  const systolic = rng.bounded(122, 12, 95, 175);
  const diastolic = Math.min(systolic - 25, rng.bounded(78, 8, 55, 105));
  return [
    { ...base, code: concept(SYSTEM.loinc, VITALS.heartRate.code), valueQuantity: value(VITALS.heartRate, rng.bounded(76, 10, 50, 130)) },
    {
      ...base,
      code: concept(SYSTEM.loinc, BLOOD_PRESSURE_PANEL, 'Blood pressure'),
      component: [
        { code: concept(SYSTEM.loinc, VITALS.systolic.code), valueQuantity: value(VITALS.systolic, systolic) },
        { code: concept(SYSTEM.loinc, VITALS.diastolic.code), valueQuantity: value(VITALS.diastolic, diastolic) },
      ],
    },
    { ...base, code: concept(SYSTEM.loinc, VITALS.oxygenSaturation.code), valueQuantity: value(VITALS.oxygenSaturation, rng.bounded(97, 1.5, 88, 100)) },
  ];
}
