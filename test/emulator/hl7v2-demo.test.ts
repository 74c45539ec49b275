import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateCohort, mrnOf } from '../../src/demo/cohort/index.js';
import { hl7v2Messages, LAB_MESSAGES_PER_PATIENT } from '../../src/demo/cohort/hl7v2.js';
import { loadDemoHl7v2 } from '../../src/demo/cohort/hl7v2-load.js';
import { seedDemoDataset } from '../../src/demo/seed.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { Client, start } from './helpers.js';
import { expectOk } from './hl7v2-helpers.js';

const PATIENTS = 6;
const cohort = generateCohort({ patients: PATIENTS });
const STORE = 'projects/demo/locations/us-central1/datasets/demo/hl7V2Stores/hl7v2';

let emulator: RunningEmulator;
let client: Client;
beforeAll(async () => {
  emulator = await start();
  client = new Client(emulator);
  const target = { apiUrl: `${emulator.url}/v1`, project: 'demo', location: 'us-central1' };
  await seedDemoDataset(target);
  expect(await loadDemoHl7v2(target, cohort.resources)).toBe(hl7v2Messages(cohort.resources).length);
  // A second load finds the store full and sends nothing.
  expect(await loadDemoHl7v2(target, cohort.resources)).toBe(0);
});
afterAll(() => emulator.close());

describe('the demo HL7v2 feed', () => {
  it('is deterministic: one ADT^A01 and up to two ORU^R01 per patient', () => {
    const messages = hl7v2Messages(cohort.resources);
    expect(hl7v2Messages(generateCohort({ patients: PATIENTS }).resources)).toEqual(messages);
    const types = messages.map((m) => /^MSH\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|([^|]*)/.exec(m)?.[1]);
    expect(types.filter((t) => t === 'ADT^A01^ADT_A01')).toHaveLength(PATIENTS);
    expect(types.filter((t) => t === 'ORU^R01^ORU_R01').length).toBeLessThanOrEqual(PATIENTS * LAB_MESSAGES_PER_PATIENT);
    expect(types.filter((t) => t === 'ORU^R01^ORU_R01').length).toBeGreaterThanOrEqual(PATIENTS);
    for (const message of messages) expect(message.endsWith('\r')).toBe(true);
  });

  it('carries each FHIR Patient\'s MRN in PID-3, so PatientId finds every patient\'s admission and results', async () => {
    const patients = cohort.resources.filter((r) => r.resourceType === 'Patient');
    expect(patients).toHaveLength(PATIENTS);
    for (const patient of patients) {
      const mrn = mrnOf(Number(patient.id.slice(4)));
      const filter = encodeURIComponent(`PatientId("${mrn}", "MRN")`);
      const body = expectOk(await client.get(`${STORE}/messages?filter=${filter}&view=FULL&orderBy=send_time`));
      const messages = body['hl7V2Messages'] as { messageType: string; patientIds: unknown[]; sendTime: string; parsedData: { segments: { segmentId: string; fields: Record<string, string> }[] } }[];
      expect(messages.map((m) => m.messageType)).toContain('ADT');
      for (const message of messages) {
        expect(message.patientIds).toContainEqual({ value: mrn, type: 'MRN' });
        const pid = message.parsedData.segments.find((s) => s.segmentId === 'PID');
        const name = (patient['name'] as { family: string }[])[0]?.family;
        expect(pid?.fields['5.1']).toBe(name);
        expect(pid?.fields['7']).toBe(String(patient['birthDate']).replaceAll('-', ''));
      }
      const oru = messages.find((m) => m.messageType === 'ORU');
      if (oru !== undefined) {
        const obx = oru.parsedData.segments.filter((s) => s.segmentId === 'OBX');
        expect(obx.length).toBeGreaterThan(0);
        for (const segment of obx) expect(segment.fields['3.3']).toBe('LN');
      }
    }
  });

  it('parses every message with the V3 parser and reports the metrics by type', async () => {
    const metrics = expectOk(await client.get(`${STORE}:getHL7v2StoreMetrics`));
    const counts = Object.fromEntries((metrics['metrics'] as { messageType: string; count: string }[]).map((m) => [m.messageType, Number(m.count)]));
    expect(counts['ADT']).toBe(PATIENTS);
    expect((counts['ADT'] ?? 0) + (counts['ORU'] ?? 0)).toBe(hl7v2Messages(cohort.resources).length);
    expect(expectOk(await client.get(STORE))).toMatchObject({ parserConfig: { version: 'V3' }, labels: { source: 'demo' } });
  });
});
