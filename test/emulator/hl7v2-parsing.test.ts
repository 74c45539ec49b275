import { describe, expect, it } from '@jest/globals';
import { expectEnvelope, obj } from './helpers.js';
import {
  ADT_A01, ADT_A01_OTHER, ORU_R01, STORE, base64, createMessage, expectOk, fromBase64, hl7, perTestEmulators, segmentFields,
} from './hl7v2-helpers.js';

const { withStore } = perTestEmulators();

describe('parsing into parsedData with Google\'s field keys', () => {
  it('V1 (the default) leaves out MSH-1, so MSH keys are one less than the HL7 field number', async () => {
    const client = await withStore();
    const message = await createMessage(client, ADT_A01);
    const msh = segmentFields(message, 'MSH');
    expect(msh).toMatchObject({ '0': 'MSH', '1': '^~\\&', '2': 'EPIC', '3.1': 'GENHOSP', '3.2': '2.16.840.1.113883.3.72.5.20', '3.3': 'ISO', '8.1': 'ADT', '8.2': 'A01', '8.3': 'ADT_A01', '9': 'MSG00001', '11': '2.5.1' });
    expect(msh['3']).toBeUndefined();
    // Empty fields (MSH-8 security) are left out.
    expect(Object.keys(msh)).not.toContain('7');
  });

  it('writes repeated fields with [n], components and subcomponents 1-based, and keeps escapes in V1', async () => {
    const client = await withStore();
    const pid = segmentFields(await createMessage(client, ADT_A01), 'PID');
    expect(pid).toMatchObject({
      '0': 'PID', '1': '1',
      '3[0].1': 'MRN0001', '3[0].4.1': 'GENHOSP', '3[0].4.2': '2.16.840.1.113883.3.72.5.20', '3[0].4.3': 'ISO', '3[0].5': 'MR',
      '3[1].1': '987-65-4321', '3[1].4': 'SSA', '3[1].5': 'SS',
      '5[0].1': "O'BRIEN", '5[0].2': 'MARY', '5[0].3': 'ANNE', '5[0].5': 'MS', '5[1].1': 'SMITH', '5[1].7': 'M',
      '7': '19800212', '8': 'F', '11.1': '12 MAIN ST\\T\\APT 4', '11.3': 'BOSTON', '13.2': 'PRN', '13.6': '617', '13.7': '5551234',
    });
    for (const key of Object.keys(pid)) expect(key).toMatch(/^(\d+)(\[\d+\])?(\.\d+)?(\.\d+)?$/);
    // A field given once gets no brackets.
    expect(pid['5.1']).toBeUndefined();
  });

  it('V2 keeps HL7 numbering (MSH-1 is key 1); V3 also decodes escaped delimiters', async () => {
    const client = await withStore({ parserConfig: { version: 'V2' } });
    const v2 = await createMessage(client, ORU_R01);
    expect(segmentFields(v2, 'MSH')).toMatchObject({ '1': '|', '2': '^~\\&', '4': 'GENLAB', '9.1': 'ORU', '9.2': 'R01', '10': 'LAB000042' });
    expect(segmentFields(v2, 'OBX', 2)['5']).toBe('Hemolyzed\\F\\recollect if K+ \\T\\ Na+ abnormal');

    const v3Store = `${STORE.replace(/h$/, 'v3')}`;
    expectOk(await client.call('POST', `${STORE.replace(/\/h$/, '')}?hl7V2StoreId=v3`, { parserConfig: { version: 'V3' } }));
    const v3 = await createMessage(client, ORU_R01, undefined, v3Store);
    expect(segmentFields(v3, 'OBX', 2)['5']).toBe('Hemolyzed|recollect if K+ & Na+ abnormal');
    // Formatting escapes are display instructions, not delimiters: kept as written.
    expect(segmentFields(v3, 'NTE')['3']).toBe('Reviewed by Dr. Alvarez\\.br\\Call patient');
    expect(segmentFields(v3, 'OBX', 0)).toMatchObject({ '3.1': '2345-7', '3.2': 'Glucose', '3.3': 'LN', '5': '98', '6.1': 'mg/dL', '7': '70-99', '8': 'N', '11': 'F' });
  });

  it('gives setId to segments in a set and none to the others', async () => {
    const client = await withStore();
    const message = await createMessage(client, ADT_A01);
    const segments = obj(message['parsedData'])['segments'] as { segmentId: string; setId?: string }[];
    expect(segments.map((s) => [s.segmentId, s.setId ?? null])).toEqual([
      ['MSH', null], ['EVN', null], ['PID', '1'], ['PV1', '1'], ['NK1', '1'], ['NK1', '2'], ['AL1', '1'],
    ]);
  });

  it('derives messageType, sendFacility, sendTime (Z-normalized) and patientIds from PID-2/3/4', async () => {
    const client = await withStore();
    const adt = await createMessage(client, ADT_A01);
    expect(adt).toMatchObject({
      messageType: 'ADT',
      sendFacility: 'GENHOSP',
      sendTime: '2024-01-15T13:30:15Z',
      patientIds: [{ value: 'MRN0001', type: 'MR' }, { value: '987-65-4321', type: 'SS' }],
    });
    expect(adt['name']).toMatch(new RegExp(`^${STORE}/messages/[A-Za-z0-9_-]{43}=$`));
    expect(Date.parse(String(adt['createTime']))).toBeGreaterThan(Date.now() - 60_000);
    expect(fromBase64(adt['data'])).toBe(ADT_A01);
    const other = await createMessage(client, ADT_A01_OTHER);
    expect(other['patientIds']).toEqual([{ value: 'X-5', type: 'PI' }, { value: 'MRN0002', type: 'MRN' }]);
  });

  it('reads a send time without an offset in the dataset\'s time zone', async () => {
    const client = await withStore({}, 'America/New_York');
    const message = await createMessage(client, hl7('MSH|^~\\&|A|B|C|D|20240701120000.25||ADT^A04|1|P|2.5'));
    expect(message['sendTime']).toBe('2024-07-01T16:00:00.250Z');
  });

  it('splits on the store\'s segmentTerminator and accepts \\r\\n with the default one', async () => {
    const client = await withStore({ parserConfig: { segmentTerminator: base64('\n') } });
    const message = await createMessage(client, 'MSH|^~\\&|A|B|C|D|20240101||ORU^R01|9|P|2.5\nPID|1||77^^^^MR\n');
    expect((obj(message['parsedData'])['segments'] as unknown[]).length).toBe(2);
    expect(message['patientIds']).toEqual([{ value: '77', type: 'MR' }]);

    const crlf = await withStore();
    const again = await createMessage(crlf, 'MSH|^~\\&|A|B|C|D|20240101||ORU^R01|9|P|2.5\r\nPID|1||77^^^^MR\r\n');
    expect((obj(again['parsedData'])['segments'] as { segmentId: string }[]).map((s) => s.segmentId)).toEqual(['MSH', 'PID']);
  });

  it('uses the delimiters MSH declares', async () => {
    const client = await withStore();
    const message = await createMessage(client, hl7('MSH#*~\\$#APP#FAC#X#Y#20240101##ADT*A08#7#P#2.5', 'PID#1##M1*x$y***MR'));
    expect(message).toMatchObject({ messageType: 'ADT', patientIds: [{ value: 'M1', type: 'MR' }] });
    expect(segmentFields(message, 'PID')).toMatchObject({ '3.2.1': 'x', '3.2.2': 'y', '3.5': 'MR' });
  });

  it('refuses data that is not an HL7v2 message the store accepts, with a 400', async () => {
    const client = await withStore();
    const cases = ['hello world', 'MSH|^~|A', hl7('MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5', 'pid|1'), hl7('MSH|^~\\&|A', 'MSH|^~\\&|B')];
    for (const text of cases) {
      expectEnvelope(await client.call('POST', `${STORE}/messages`, { message: { data: base64(text) } }), 400, 'INVALID_ARGUMENT');
    }
    expect(expectEnvelope(await client.call('POST', `${STORE}/messages`, { message: { data: '***' } }), 400, 'INVALID_ARGUMENT')).toContain('base64');
    expect(expectEnvelope(await client.call('POST', `${STORE}/messages`, { message: {} }), 400, 'INVALID_ARGUMENT')).toContain('data is required');
    expectEnvelope(await client.call('POST', `${STORE}/messages`, { message: { data: base64(ADT_A01), bogus: 1 } }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await client.call('POST', `${STORE}/messages`, { message: { data: base64(ADT_A01), labels: { Bad: 'x' } } }), 400, 'INVALID_ARGUMENT');
    expect(obj((await client.get(`${STORE}/messages`)).json)).toEqual({});
  });

  it('accepts a message without MSH when the store allows a null header', async () => {
    const client = await withStore({ parserConfig: { allowNullHeader: true } });
    const message = await createMessage(client, hl7('PID|1||M9^^^^MR', 'OBX|1|ST|x||y'));
    expect(message['messageType']).toBeUndefined();
    expect(message['patientIds']).toEqual([{ value: 'M9', type: 'MR' }]);
  });
});

describe('views', () => {
  it('get defaults to FULL; RAW_ONLY, PARSED_ONLY, SCHEMATIZED_ONLY and BASIC leave out their parts', async () => {
    const client = await withStore();
    const created = await createMessage(client, ORU_R01, { priority: 'high' });
    const name = String(created['name']);
    const full = expectOk(await client.get(name));
    expect(full).toEqual(created);
    expect(Object.keys(full).sort()).toEqual(['createTime', 'data', 'labels', 'messageType', 'name', 'parsedData', 'patientIds', 'sendFacility', 'sendTime']);
    const raw = expectOk(await client.get(`${name}?view=RAW_ONLY`));
    expect(raw['data']).toBe(created['data']);
    expect(raw['parsedData']).toBeUndefined();
    const parsed = expectOk(await client.get(`${name}?view=PARSED_ONLY`));
    expect(parsed['data']).toBeUndefined();
    expect(parsed['parsedData']).toEqual(created['parsedData']);
    const schematized = expectOk(await client.get(`${name}?view=SCHEMATIZED_ONLY`));
    expect(schematized['data']).toBeUndefined();
    expect(schematized['parsedData']).toBeUndefined();
    expect(schematized['messageType']).toBe('ORU');
    expect(expectOk(await client.get(`${name}?view=BASIC`))).toEqual({ name });
    expectEnvelope(await client.get(`${name}?view=EVERYTHING`), 400, 'INVALID_ARGUMENT');
  });

  it('patches labels only, and deletes', async () => {
    const client = await withStore();
    const name = String((await createMessage(client, ORU_R01, { priority: 'high' }))['name']);
    const patched = expectOk(await client.call('PATCH', `${name}?updateMask=labels`, { labels: { priority: 'low', ward: '4west' } }));
    expect(patched['labels']).toEqual({ priority: 'low', ward: '4west' });
    expectEnvelope(await client.call('PATCH', `${name}?updateMask=data`, { data: base64(ADT_A01) }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await client.call('PATCH', name, { labels: {} }), 400, 'INVALID_ARGUMENT');
    const cleared = expectOk(await client.call('PATCH', `${name}?updateMask=labels`, {}));
    expect(cleared['labels']).toBeUndefined();
    expect(expectOk(await client.call('DELETE', name))).toEqual({});
    expectEnvelope(await client.get(name), 404, 'NOT_FOUND');
    expectEnvelope(await client.call('DELETE', name), 404, 'NOT_FOUND');
  });
});
