/**
 * Loading the demo cohort into an emulator for the benchmark. Same cohort as `src/demo` (same seed,
 * ids and MRNs), but generated in chunks of patients and sent while the next chunk is generated,
 * so a 10,000-patient cohort never sits in memory at once. DICOM: real images (`src/demo/dicom`)
 * for the studies of the first `realImagePatients` patients; every other study gets "lite"
 * instances with the same attributes and UIDs but a 16×16 pixel matrix, so every study, series and
 * instance of the cohort exists for QIDO while loading stays fast (real images cost ~20–70 ms each).
 */
import { RECORD_TYPES } from '../../src/demo/cohort/chart.js';
import { DEFAULT_COHORT_SEED, DEFAULT_IMAGING_SHARE, HEAVY_EVERY, toBundles, type FhirResource } from '../../src/demo/cohort/index.js';
import { buildProviders } from '../../src/demo/cohort/providers.js';
import { Rng, deriveSeed } from '../../src/demo/cohort/random.js';
import { generatePatientRecord } from '../../src/demo/cohort/record.js';
import { writeInstanceImage, writeStudyInstances, type WrittenInstance } from '../../src/demo/dicom/index.js';
import type { PixelImage } from '../../src/demo/dicom/pixel-image.js';
import type { StudyPlan } from '../../src/demo/imaging-plan.js';
import { seedDemoDataset, demoNames } from '../../src/demo/seed.js';

export interface CohortChunk {
  /** In load order: Organizations and Practitioners (first chunk), or the chunk's Patients, then their records type by type. */
  resources: FhirResource[];
  imaging: StudyPlan[];
  /** Patient numbers of the chunk (0 and 0 for the providers chunk). */
  firstPatient: number;
  lastPatient: number;
}

/**
 * The cohort of `generateCohort({ patients })` in chunks: first the providers, then `chunkPatients`
 * patients at a time with their records. Patient n is drawn exactly as `generateCohort` draws it
 * (own seed stream, same heavy and imaging choice), so the union of the chunks is the same cohort.
 * From `firstPatient` > 1 on, the chunks are that part of the cohort alone (no providers chunk),
 * so that parts can be generated apart (in worker threads) and loaded in order.
 */
export function* cohortChunks(patients: number, chunkPatients = 25, seed = DEFAULT_COHORT_SEED, imagingShare = DEFAULT_IMAGING_SHARE, firstPatient = 1): Generator<CohortChunk> {
  if (!Number.isSafeInteger(patients) || patients < 0) throw new RangeError(`patients must be a non-negative integer, got ${patients}`);
  if (!Number.isSafeInteger(chunkPatients) || chunkPatients < 1) throw new RangeError(`chunkPatients must be a positive integer, got ${chunkPatients}`);
  if (!Number.isSafeInteger(firstPatient) || firstPatient < 1) throw new RangeError(`firstPatient must be a positive integer, got ${firstPatient}`);
  const rng = new Rng();
  const providers = buildProviders(rng.reseed(deriveSeed(seed, 0)));
  if (firstPatient === 1) {
    yield {
      resources: [...providers.facilities.map((facility) => facility.resource), ...providers.clinicians.map((clinician) => clinician.resource)],
      imaging: [],
      firstPatient: 0,
      lastPatient: 0,
    };
  }
  for (let first = firstPatient; first <= patients; first += chunkPatients) {
    const last = Math.min(patients, first + chunkPatients - 1);
    const patientResources: FhirResource[] = [];
    const records = new Map<string, FhirResource[]>(RECORD_TYPES.map((type) => [type, []]));
    const imaging: StudyPlan[] = [];
    for (let number = first; number <= last; number += 1) {
      const record = generatePatientRecord(rng.reseed(deriveSeed(seed, number)), seed, number, providers, {
        heavy: (number - 1) % HEAVY_EVERY === 0,
        imaging: Math.ceil(number * imagingShare) > Math.ceil((number - 1) * imagingShare),
      });
      patientResources.push(record.patient.resource);
      for (const type of RECORD_TYPES) records.get(type)!.push(...record.chart.records[type]);
      imaging.push(...record.imaging);
    }
    yield { resources: [...patientResources, ...RECORD_TYPES.flatMap((type) => records.get(type) ?? [])], imaging, firstPatient: first, lastPatient: last };
  }
}

/** The patient number of a study plan (`pat-000123` → 123). */
export function planPatientNumber(plan: StudyPlan): number {
  return Number(/(\d+)$/.exec(plan.patient.fhirId)?.[1] ?? Number.NaN);
}

const LITE_SIZE = 16;

/**
 * A study's instances with the real generator's attributes and UIDs but a tiny flat pixel matrix
 * (16×16, 8 bits; every frame of a multi-frame instance): what QIDO indexes, at a fraction of the cost.
 */
export function writeLiteStudyInstances(plan: StudyPlan): WrittenInstance[] {
  return plan.series.flatMap((series) => series.instances.map((instance) => {
    const frames = Math.max(1, instance.numberOfFrames);
    const image: PixelImage = {
      rows: LITE_SIZE,
      columns: LITE_SIZE,
      bitsAllocated: 8,
      bitsStored: 8,
      photometricInterpretation: 'MONOCHROME2',
      pixelData: new Uint8Array(LITE_SIZE * LITE_SIZE * frames).fill(96),
      numberOfFrames: frames,
      window: { center: 128, width: 256, explanation: 'LITE' },
      attributes: {},
    };
    return writeInstanceImage(plan, series, instance, image);
  }));
}

/** One STOW-RS request body: a multipart/related of Part 10 instances. */
function stowBody(instances: readonly WrittenInstance[], boundary: string): ArrayBuffer {
  const body = Buffer.concat([
    ...instances.flatMap(({ bytes }) => [
      Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`),
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
}

export interface CohortLoadOptions {
  patients: number;
  /** Studies of patients 1..N get real images; the rest lite ones. */
  realImagePatients: number;
  /**
   * `all`: every instance of every study (real images for the first `realImagePatients` patients,
   * lite ones for the rest); `one-per-series`: a lite first instance of every series (every study
   * and series exists for QIDO, at a fraction of the cost: the scale test); `none`: FHIR only.
   */
  dicom: 'all' | 'one-per-series' | 'none';
  chunkPatients?: number;
  /** Entries per transaction Bundle (as `npm run seed`: 500). */
  bundleSize?: number;
  /** Progress lines. */
  log?: (message: string) => void;
  /** Runs after the FHIR load, before DICOM (outside both timings). */
  afterFhir?: () => Promise<void>;
}

export interface CohortLoadStats {
  patients: number;
  fhirResources: number;
  fhirBundles: number;
  /** Wall time of the FHIR load (generation overlaps the previous bundle's upload). */
  fhirMs: number;
  studies: number;
  dicomInstances: number;
  realImageInstances: number;
  liteInstances: number;
  dicomMs: number;
}

/** Sends requests one at a time while the caller prepares the next one. */
class OneInFlight {
  private current: Promise<void> = Promise.resolve();
  private failure: unknown;

  async send(request: () => Promise<void>): Promise<void> {
    await this.drain();
    this.current = request().catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  async drain(): Promise<void> {
    await this.current;
    if (this.failure !== undefined) throw this.failure;
  }
}

async function post(url: string, body: string | ArrayBuffer, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`loading the cohort: POST ${url.split('?')[0]} answered ${response.status}: ${text.slice(0, 300)}`);
}

/**
 * Creates the demo dataset and stores (`seedDemoDataset`) in the emulator at `apiUrl` (its `/v1`
 * root, not the proxy) and loads the cohort: FHIR as transaction Bundles, then DICOM one STOW-RS
 * request per study.
 */
export async function loadCohort(apiUrl: string, options: CohortLoadOptions): Promise<CohortLoadStats> {
  const target = { apiUrl, project: 'demo', location: 'us-central1' };
  const names = demoNames(target);
  const log = options.log ?? (() => undefined);
  await seedDemoDataset(target);

  const stats: CohortLoadStats = {
    patients: options.patients, fhirResources: 0, fhirBundles: 0, fhirMs: 0, studies: 0, dicomInstances: 0, realImageInstances: 0, liteInstances: 0, dicomMs: 0,
  };
  const plans: StudyPlan[] = [];
  const fhirUrl = `${apiUrl}/${names.fhirStore}/fhir?prettyPrint=false`;
  const fhirHeaders = { 'content-type': 'application/fhir+json', prefer: 'return=minimal' };
  const started = performance.now();
  let lastLog = started;
  const fhir = new OneInFlight();
  const bundleSize = options.bundleSize ?? 500;
  // Bundles may span chunks: the stream keeps every reference pointing backwards. Small chunks keep
  // the event loop free to send the next Bundle as soon as the emulator answers the previous one.
  let pending: FhirResource[] = [];
  const sendBundles = async (all: boolean): Promise<void> => {
    while (pending.length >= bundleSize || (all && pending.length > 0)) {
      const [bundle] = toBundles(pending.slice(0, bundleSize), bundleSize, 'transaction');
      pending = pending.slice(bundleSize);
      const body = JSON.stringify(bundle);
      stats.fhirResources += bundle!.entry.length;
      stats.fhirBundles += 1;
      await fhir.send(() => post(fhirUrl, body, fhirHeaders));
    }
  };
  for (const chunk of cohortChunks(options.patients, options.chunkPatients ?? 4)) {
    plans.push(...chunk.imaging);
    pending.push(...chunk.resources);
    await sendBundles(false);
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`  FHIR: ${chunk.lastPatient}/${options.patients} patients, ${stats.fhirResources} resources, ${((lastLog - started) / 1000).toFixed(0)} s`);
    }
  }
  await sendBundles(true);
  await fhir.drain();
  stats.fhirMs = Math.round(performance.now() - started);
  await options.afterFhir?.();
  if (options.dicom === 'none') return stats;

  const dicomStarted = performance.now();
  lastLog = dicomStarted;
  const boundary = 'bench-study-boundary';
  const stowUrl = `${apiUrl}/${names.dicomStore}/dicomWeb/studies`;
  const stowHeaders = { 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}`, accept: 'application/dicom+json' };
  const dicom = new OneInFlight();
  for (const plan of plans) {
    const real = options.dicom === 'all' && planPatientNumber(plan) <= options.realImagePatients;
    const sampled: StudyPlan = options.dicom === 'one-per-series' ? { ...plan, series: plan.series.map((series) => ({ ...series, instances: series.instances.slice(0, 1) })) } : plan;
    const instances = real ? writeStudyInstances(plan) : writeLiteStudyInstances(sampled);
    stats.studies += 1;
    stats.dicomInstances += instances.length;
    if (real) stats.realImageInstances += instances.length;
    else stats.liteInstances += instances.length;
    const body = stowBody(instances, boundary);
    await dicom.send(() => post(stowUrl, body, stowHeaders));
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`  DICOM: ${stats.studies}/${plans.length} studies, ${stats.dicomInstances} instances, ${((lastLog - dicomStarted) / 1000).toFixed(0)} s`);
    }
  }
  await dicom.drain();
  stats.dicomMs = Math.round(performance.now() - dicomStarted);
  return stats;
}
