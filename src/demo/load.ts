/**
 * Loads the generated demo cohort into the demo stores over REST: FHIR resources as batch Bundles
 * (`executeBundle`), DICOM instances with STOW-RS, HL7v2 ADT/ORU messages with `messages.ingest`. Skips a store that already holds data, so an
 * emulator with a data folder is loaded once.
 */
import { generateCohort, toBundles } from './cohort/index.js';
import { loadDemoHl7v2 } from './cohort/hl7v2-load.js';
import { writeStudyInstances } from './dicom/index.js';
import { demoFetch, demoNames, type DemoTarget } from './seed.js';

/** Entries per Bundle: large enough to keep the request count low, small enough to stay well under 50 MB. */
const BUNDLE_SIZE = 500;

export interface CohortLoadResult {
  patients: number;
  fhirResources: number;
  dicomInstances: number;
  /** HL7v2 messages (ADT^A01, ORU^R01) sent to the demo HL7v2 store. */
  hl7v2Messages: number;
  /** True when the stores already held data and nothing was loaded. */
  skipped: boolean;
}

/** Whether a store already holds data, by its metrics (absent counts mean zero). */
async function holdsData(target: DemoTarget, path: string): Promise<boolean> {
  const metrics = await (await demoFetch(target, 'GET', path)).json() as { metrics?: unknown[]; instanceCount?: string };
  return (metrics.metrics?.length ?? 0) > 0 || Number(metrics.instanceCount ?? 0) > 0;
}

/** One STOW-RS request per study: a multipart/related body of its Part 10 instances. */
function stowBody(instances: { bytes: Uint8Array }[], boundary: string): ArrayBuffer {
  const parts = instances.flatMap(({ bytes }) => [
    Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`),
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    Buffer.from('\r\n'),
  ]);
  const body = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
}

export async function loadDemoCohort(target: DemoTarget, patients: number): Promise<CohortLoadResult> {
  const names = demoNames(target);
  const [fhirLoaded, dicomLoaded] = await Promise.all([
    holdsData(target, `${names.fhirStore}:getFHIRStoreMetrics`),
    holdsData(target, `${names.dicomStore}:getDICOMStoreMetrics`),
  ]);
  const cohort = generateCohort({ patients });
  let dicomInstances = 0;

  if (!fhirLoaded) {
    // In order, as transactions: every reference points at a resource of an earlier or the same bundle.
    for (const bundle of toBundles(cohort.resources, BUNDLE_SIZE, 'transaction')) {
      await (await demoFetch(target, 'POST', `${names.fhirStore}/fhir`, { body: JSON.stringify(bundle), contentType: 'application/fhir+json' })).body?.cancel();
    }
  }
  if (!dicomLoaded) {
    const boundary = 'demo-study-boundary';
    for (const plan of cohort.imaging) {
      const instances = writeStudyInstances(plan);
      dicomInstances += instances.length;
      const contentType = `multipart/related; type="application/dicom"; boundary=${boundary}`;
      await (await demoFetch(target, 'POST', `${names.dicomStore}/dicomWeb/studies`, { body: stowBody(instances, boundary), contentType })).body?.cancel();
    }
  }
  const hl7v2Messages = await loadDemoHl7v2(target, cohort.resources);
  return { patients, fhirResources: fhirLoaded ? 0 : cohort.resources.length, dicomInstances, hl7v2Messages, skipped: fhirLoaded && dicomLoaded && hl7v2Messages === 0 };
}
