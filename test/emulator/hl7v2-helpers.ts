/** Shared fixtures for the emulator's HL7v2 tests: real-looking messages and a seeded store. */

import { afterEach } from '@jest/globals';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { type ApiResponse, Client, LOC, obj, start } from './helpers.js';

export const DATASET = `${LOC}/datasets/d`;
export const STORE = `${DATASET}/hl7V2Stores/h`;

/** Joins segments with HL7's `\r` terminator (and a trailing one, as senders write it). */
export const hl7 = (...segments: string[]): string => `${segments.join('\r')}\r`;

/**
 * An admission with a repeated PID-3 (MRN with a subcomponent assigning authority, and an SSN),
 * a repeated PID-5, an escaped `&` in the address, next of kin and an allergy.
 */
export const ADT_A01 = hl7(
  'MSH|^~\\&|EPIC|GENHOSP^2.16.840.1.113883.3.72.5.20^ISO|LAB|GENLAB|20240115083015-0500||ADT^A01^ADT_A01|MSG00001|P|2.5.1|||AL|NE',
  'EVN|A01|20240115083000-0500',
  "PID|1||MRN0001^^^GENHOSP&2.16.840.1.113883.3.72.5.20&ISO^MR~987-65-4321^^^SSA^SS||O'BRIEN^MARY^ANNE^^MS~SMITH^MARY^^^^^M||19800212|F|||12 MAIN ST\\T\\APT 4^^BOSTON^MA^02118^USA^H||^PRN^PH^^1^617^5551234|||M",
  'PV1|1|I|4WEST^412^A^GENHOSP||||1234^ALVAREZ^JUAN^^^DR|||MED||||7|||1234^ALVAREZ^JUAN^^^DR|IN',
  "NK1|1|O'BRIEN^PATRICK|SPO^Spouse^HL70063",
  "NK1|2|O'BRIEN^KATE|DAU^Daughter^HL70063",
  'AL1|1|DA|70618^Penicillin^RXNORM|SV|Hives',
);

/** Lab results for the same patient: a panel with numeric and text results and escaped delimiters. */
export const ORU_R01 = hl7(
  'MSH|^~\\&|LIS|GENLAB|EPIC|GENHOSP|20240116101500||ORU^R01^ORU_R01|LAB000042|P|2.5.1',
  "PID|1||MRN0001^^^GENHOSP^MR||O'BRIEN^MARY^ANNE||19800212|F",
  'ORC|RE|ORD448|LAB448||CM',
  'OBR|1|ORD448|LAB448|24323-8^Comprehensive metabolic panel^LN|||20240116080000',
  'OBX|1|NM|2345-7^Glucose^LN||98|mg/dL^milligram per deciliter^UCUM|70-99|N|||F|||20240116093000',
  'OBX|2|NM|2160-0^Creatinine^LN||1.4|mg/dL|0.6-1.1|H|||F|||20240116093000',
  'OBX|3|ST|8251-1^Comment^LN||Hemolyzed\\F\\recollect if K+ \\T\\ Na+ abnormal||||||F',
  'NTE|1||Reviewed by Dr. Alvarez\\.br\\Call patient',
);

/** Another patient's admission at another facility, a day later. */
export const ADT_A01_OTHER = hl7(
  'MSH|^~\\&|CERNER|NORTHCLINIC|ADT|HUB|20240117120000+0000||ADT^A01|NC-77|P|2.4',
  'EVN|A01|20240117115500',
  'PID|1|X-5^^^OLD^PI|MRN0002^^^NORTH^MRN||NGUYEN^LINH||19651103|M',
  'PV1|1|E',
);

export const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
export const fromBase64 = (data: unknown): string => Buffer.from(String(data), 'base64').toString('utf8');

/** An emulator with dataset `d` (in `timeZone`) and HL7v2 store `h` created with `store` as body. */
export async function startWithStore(store: Record<string, unknown> = {}, timeZone = 'UTC', dataDir?: string): Promise<{ emulator: RunningEmulator; client: Client }> {
  const emulator = await start(dataDir === undefined ? {} : { dataDir });
  const client = new Client(emulator);
  await expectOk(await client.call('POST', `${LOC}/datasets?datasetId=d`, { timeZone }));
  await expectOk(await client.call('POST', `${DATASET}/hl7V2Stores?hl7V2StoreId=h`, store));
  return { emulator, client };
}

/**
 * For a file whose tests each start their own emulators: `withStore` starts one as `startWithStore`
 * does and returns its client, `closeAfterTest` takes one started otherwise; an `afterEach` closes
 * them all.
 */
export function perTestEmulators(): {
  withStore(store?: Record<string, unknown>, timeZone?: string): Promise<Client>;
  closeAfterTest(emulator: RunningEmulator): RunningEmulator;
} {
  const running: RunningEmulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  });
  return {
    async withStore(store = {}, timeZone = 'UTC') {
      const started = await startWithStore(store, timeZone);
      running.push(started.emulator);
      return started.client;
    },
    closeAfterTest(emulator) {
      running.push(emulator);
      return emulator;
    },
  };
}

/** Fails with the body unless the answer is 200; returns the JSON object. */
export function expectOk(res: ApiResponse): Record<string, unknown> {
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${res.text.slice(0, 500)}`);
  return obj(res.json);
}

/** Creates a message and returns it (FULL view). */
export async function createMessage(client: Client, text: string, labels?: Record<string, string>, store = STORE): Promise<Record<string, unknown>> {
  return expectOk(await client.call('POST', `${store}/messages`, { message: { data: base64(text), ...(labels ? { labels } : {}) } }));
}

/** The `fields` map of the n-th segment with this id in a message's parsedData. */
export function segmentFields(message: Record<string, unknown>, id: string, nth = 0): Record<string, string> {
  const segments = (obj(message['parsedData'])['segments'] as { segmentId: string; fields: Record<string, string> }[]).filter((s) => s.segmentId === id);
  const segment = segments[nth];
  if (segment === undefined) throw new Error(`no ${id} segment #${nth}`);
  return segment.fields;
}
