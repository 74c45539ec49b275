import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { type Client, expectEnvelope } from './helpers.js';
import { ADT_A01, ADT_A01_OTHER, ORU_R01, STORE, createMessage, expectOk, hl7, startWithStore } from './hl7v2-helpers.js';

let emulator: RunningEmulator;
let client: Client;
/** Control id (MSH-10) → message name. */
const names = new Map<string, string>();

// A late-evening send time in New York that is already the next day in UTC, for send_date.
const EVENING = hl7('MSH|^~\\&|LIS|GENLAB|EPIC|GENHOSP|20240118213000||ORU^R01|EVE-1|P|2.5.1', 'PID|1||MRN0001^^^GENHOSP^MR');

beforeAll(async () => {
  ({ emulator, client } = await startWithStore({}, 'America/New_York'));
  for (const [id, text, labels] of [
    ['MSG00001', ADT_A01, { priority: 'high', ward: '4west' }],
    ['LAB000042', ORU_R01, { priority: 'low' }],
    ['NC-77', ADT_A01_OTHER, undefined],
    ['EVE-1', EVENING, undefined],
  ] as const) {
    names.set(id, String((await createMessage(client, text, labels))['name']));
  }
});
afterAll(() => emulator.close());

/** The control ids of the messages a filter lists, sorted. */
async function matching(filter: string): Promise<string[]> {
  const body = expectOk(await client.get(`${STORE}/messages?filter=${encodeURIComponent(filter)}`));
  const listed = ((body['hl7V2Messages'] ?? []) as { name: string }[]).map((m) => m.name);
  return [...names].filter(([, name]) => listed.includes(name)).map(([id]) => id).sort();
}

describe('messages.list filter', () => {
  it('matches message_type, send_facility and their camelCase spellings', async () => {
    expect(await matching('message_type = "ADT"')).toEqual(['MSG00001', 'NC-77']);
    expect(await matching('messageType="ORU"')).toEqual(['EVE-1', 'LAB000042']);
    expect(await matching('send_facility = "NORTHCLINIC"')).toEqual(['NC-77']);
    expect(await matching('sendFacility = "GENLAB"')).toEqual(['EVE-1', 'LAB000042']);
    // "=" on text finds the words within the field, not a prefix of a word.
    expect(await matching('send_facility = "GEN"')).toEqual([]);
  });

  it('combines with AND, OR, NOT and parentheses; OR binds tighter than AND (AIP-160)', async () => {
    expect(await matching('NOT message_type = "ADT"')).toEqual(['EVE-1', 'LAB000042']);
    expect(await matching('message_type = "ADT" AND send_facility = "GENHOSP"')).toEqual(['MSG00001']);
    expect(await matching('send_facility = "NORTHCLINIC" OR labels.priority = "low"')).toEqual(['LAB000042', 'NC-77']);
    // a AND b OR c  ==  a AND (b OR c)
    expect(await matching('message_type = "ADT" AND send_facility = "GENHOSP" OR send_facility = "GENLAB"')).toEqual(['MSG00001']);
    expect(await matching('(message_type = "ADT" AND send_facility = "GENHOSP") OR send_facility = "GENLAB"')).toEqual(['EVE-1', 'LAB000042', 'MSG00001']);
    expect(await matching('NOT (message_type = "ADT" OR labels.priority:*)')).toEqual(['EVE-1']);
  });

  it('finds messages by PatientId(value, type) in PID-2, PID-3 and PID-4', async () => {
    expect(await matching('PatientId("MRN0001", "MR")')).toEqual(['EVE-1', 'LAB000042', 'MSG00001']);
    expect(await matching('PatientId("987-65-4321", "SS")')).toEqual(['MSG00001']);
    expect(await matching('PatientId("X-5", "PI")')).toEqual(['NC-77']);
    expect(await matching('PatientId("MRN0001", "MRN")')).toEqual([]);
    expect(await matching('PatientId("MRN0001","MR") AND message_type = "ADT"')).toEqual(['MSG00001']);
  });

  it('compares send_time and create_time as instants, whatever offset the bound is written with', async () => {
    // ADT_A01 was sent 2024-01-15T13:30:15Z, ORU 2024-01-16T15:15:00Z (New York, no offset), NC-77 2024-01-17T12:00:00Z.
    expect(await matching('send_time < "2024-01-16T00:00:00Z"')).toEqual(['MSG00001']);
    expect(await matching('send_time >= "2024-01-15T08:30:15-05:00" AND send_time <= "2024-01-16T15:15:00Z"')).toEqual(['LAB000042', 'MSG00001']);
    expect(await matching('send_time > "2024-01-16T15:15:00Z"')).toEqual(['EVE-1', 'NC-77']);
    expect(await matching('send_time = "2024-01-17T07:00:00-05:00"')).toEqual(['NC-77']);
    expect(await matching('create_time > "2000-01-01T00:00:00Z"')).toHaveLength(4);
    expect(await matching('create_time < "2000-01-01T00:00:00Z"')).toEqual([]);
  });

  it('counts send_date in the dataset\'s time zone', async () => {
    // EVE-1 is 2024-01-19T02:30Z, but 2024-01-18 in New York.
    expect(await matching('send_date = "2024-01-18"')).toEqual(['EVE-1']);
    expect(await matching('sendDate < "2024-01-16"')).toEqual(['MSG00001']);
    expect(await matching('send_date >= "2024-01-17"')).toEqual(['EVE-1', 'NC-77']);
  });

  it('matches labels by value and by presence', async () => {
    expect(await matching('labels.priority = "high"')).toEqual(['MSG00001']);
    expect(await matching('labels."priority"="low"')).toEqual(['LAB000042']);
    expect(await matching('labels.ward:*')).toEqual(['MSG00001']);
    expect(await matching('NOT labels.priority:*')).toEqual(['EVE-1', 'NC-77']);
  });

  it('treats AND and OR inside quotes as text', async () => {
    expect(await matching('send_facility = "GENHOSP AND"')).toEqual([]);
  });

  it('answers a malformed filter with a 400 in Google\'s envelope', async () => {
    for (const filter of [
      'message_type',
      'message_type = ',
      'message_type != "ADT"',
      'message_type < "ADT"',
      'color = "red"',
      'send_time < "yesterday"',
      'send_time < "2024-01-01"',
      'send_date = "2024-02-30"',
      'PatientId("1")',
      'PatientId(1, "MR")',
      'Patient("1", "MR")',
      '(message_type = "ADT"',
      'message_type = "ADT" AND',
      'message_type = "ADT" message_type = "ORU"',
      'message_type = "ADT',
      'labels.x < "1"',
      'message_type : "ADT"',
      'message_type = "ADT" ;',
      'x'.repeat(5000),
    ]) {
      const res = await client.get(`${STORE}/messages?filter=${encodeURIComponent(filter)}`);
      expect(expectEnvelope(res, 400, 'INVALID_ARGUMENT')).toMatch(/filter/i);
    }
  });

  it('applies the filter before paging', async () => {
    const first = expectOk(await client.get(`${STORE}/messages?pageSize=1&filter=${encodeURIComponent('message_type = "ORU"')}`));
    expect((first['hl7V2Messages'] as unknown[]).length).toBe(1);
    const second = expectOk(await client.get(`${STORE}/messages?pageSize=1&filter=${encodeURIComponent('message_type = "ORU"')}&pageToken=${String(first['nextPageToken'])}`));
    expect((second['hl7V2Messages'] as unknown[]).length).toBe(1);
    expect(second['nextPageToken']).toBeUndefined();
    // A token is bound to its filter.
    const other = await client.get(`${STORE}/messages?pageSize=1&filter=${encodeURIComponent('message_type = "ADT"')}&pageToken=${String(first['nextPageToken'])}`);
    expectEnvelope(other, 400, 'INVALID_ARGUMENT');
    const pageNames = [first, second].flatMap((page) => (page['hl7V2Messages'] as { name: string }[]).map((m) => m.name));
    expect(pageNames.sort()).toEqual([names.get('EVE-1'), names.get('LAB000042')].sort());
  });
});
