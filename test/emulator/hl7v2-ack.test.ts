import { describe, expect, it } from '@jest/globals';
import { type ApiResponse, type Client, expectEnvelope, obj, toApiResponse } from './helpers.js';
import { ADT_A01, ORU_R01, STORE, base64, expectOk, fromBase64, hl7, perTestEmulators } from './hl7v2-helpers.js';

const { withStore } = perTestEmulators();

/** Segments of an ACK, each split into fields. */
function fieldsOf(ack: string): string[][] {
  expect(ack.endsWith('\r')).toBe(true);
  return ack.slice(0, -1).split('\r').map((segment) => segment.split('|'));
}

/** Ingests `text` with extra request headers (the MLLP adapter sends `X-GOOG-API-FORMAT-VERSION: 2`). */
async function ingest(client: Client, text: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
  return toApiResponse(await fetch(`${client.emulator.url}/v1/${STORE}/messages:ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ message: { data: base64(text) } }),
  }));
}

describe('messages.ingest', () => {
  it('stores the message and answers an AA ACK with the facilities swapped and MSA-2 = the control id', async () => {
    const client = await withStore();
    const before = Date.now();
    const body = expectOk(await ingest(client, ADT_A01));
    const message = obj(body['message']);
    expect(message).toMatchObject({ messageType: 'ADT', sendFacility: 'GENHOSP' });
    expect(expectOk(await client.get(String(message['name'])))).toEqual(message);

    const [msh, msa, ...rest] = fieldsOf(fromBase64(body['hl7Ack']));
    expect(rest).toEqual([]);
    expect(msh?.slice(0, 7)).toEqual(['MSH', '^~\\&', 'LAB', 'GENLAB', 'EPIC', 'GENHOSP^2.16.840.1.113883.3.72.5.20^ISO', expect.stringMatching(/^\d{14}\+0000$/)]);
    expect(msh?.[8]).toBe('ACK');
    expect(msh?.[9]).toMatch(/^[0-9a-f-]{36}$/);
    expect(msh?.[9]).not.toBe('MSG00001');
    expect(msh?.slice(10, 12)).toEqual(['P', '2.5.1']);
    const sent = msh?.[6] ?? '';
    const ackTime = Date.UTC(Number(sent.slice(0, 4)), Number(sent.slice(4, 6)) - 1, Number(sent.slice(6, 8)), Number(sent.slice(8, 10)), Number(sent.slice(10, 12)), Number(sent.slice(12, 14)));
    expect(ackTime).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(msa).toEqual(['MSA', 'AA', 'MSG00001']);
  });

  it('answers a message that does not parse with a 400 and no stored message; the NACK (AR) comes with X-GOOG-API-FORMAT-VERSION: 2', async () => {
    const client = await withStore();
    const broken = hl7('MSH|^~\\&|EPIC|GENHOSP|LAB|GENLAB|20240115083015||ADT^A01|CTRL-9|P|2.5', 'P I D|1');
    const plain = await ingest(client, broken);
    expect(expectEnvelope(plain, 400, 'INVALID_ARGUMENT')).toContain('segment 2');

    const res = await ingest(client, broken, { 'x-goog-api-format-version': '2' });
    expect(res.status).toBe(400);
    const error = obj(obj(res.json)['error']);
    expect(error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    const details = error['details'] as { hl7Nack: string }[];
    const [msh, msa] = fieldsOf(fromBase64(details[0]?.hl7Nack));
    expect(msh?.slice(2, 6)).toEqual(['LAB', 'GENLAB', 'EPIC', 'GENHOSP']);
    expect(msa?.slice(0, 3)).toEqual(['MSA', 'AR', 'CTRL-9']);
    expect(msa?.[3]).toContain('invalid segment ID');
    expect(obj((await client.get(`${STORE}/messages`)).json)).toEqual({});
  });

  it('NACKs data without a readable header with an empty MSA-2', async () => {
    const client = await withStore();
    const res = await ingest(client, 'not hl7 at all', { 'x-goog-api-format-version': '2' });
    const details = obj(obj(res.json)['error'])['details'] as { hl7Nack: string }[];
    const [, msa] = fieldsOf(fromBase64(details[0]?.hl7Nack));
    expect(msa?.slice(0, 3)).toEqual(['MSA', 'AR', '']);
  });

  it('with rejectDuplicateMessage, refuses the same bytes again with 409 and an AE NACK', async () => {
    const client = await withStore({ rejectDuplicateMessage: true });
    expectOk(await ingest(client, ORU_R01));
    const res = await ingest(client, ORU_R01, { 'x-goog-api-format-version': '2' });
    expect(res.status).toBe(409);
    const error = obj(obj(res.json)['error']);
    expect(error['status']).toBe('ALREADY_EXISTS');
    const [, msa] = fieldsOf(fromBase64((error['details'] as { hl7Nack: string }[])[0]?.hl7Nack));
    expect(msa?.slice(0, 3)).toEqual(['MSA', 'AE', 'LAB000042']);
    expectEnvelope(await client.call('POST', `${STORE}/messages`, { message: { data: base64(ORU_R01) } }), 409, 'ALREADY_EXISTS');
    // Without the setting, duplicates are separate messages.
    const lenient = await withStore();
    expectOk(await ingest(lenient, ORU_R01));
    expectOk(await ingest(lenient, ORU_R01));
    expect((expectOk(await lenient.get(`${STORE}/messages`))['hl7V2Messages'] as unknown[]).length).toBe(2);
  });

  it('escapes the delimiters of an error text so the NACK stays one MSA segment', async () => {
    const client = await withStore();
    const res = await ingest(client, hl7('MSH|^~\\&|A|B|C|D|20240101||ADT^A01|C1|P|2.5', 'X^Y|1'), { 'x-goog-api-format-version': '2' });
    const nack = fromBase64((obj(obj(res.json)['error'])['details'] as { hl7Nack: string }[])[0]?.hl7Nack);
    const [, msa] = fieldsOf(nack);
    expect(msa).toHaveLength(4);
    expect(msa?.[3]).toContain('\\S\\');
  });
});
