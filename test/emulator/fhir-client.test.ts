import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Client } from 'fhir-kit-client';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startFhir } from './fhir-helpers.js';

let emulator: RunningEmulator;
let client: Client;

beforeAll(async () => {
  const started = await startFhir();
  emulator = started.emulator;
  client = new Client({ baseUrl: started.api.base });
});

afterAll(async () => emulator.close());

it('serves a real FHIR client: create, read, update, patch, search, next page, history, delete', async () => {
  const created: any = await client.create({
    resourceType: 'Patient',
    body: { resourceType: 'Patient', name: [{ family: 'Kit', given: ['Client'] }], gender: 'female' },
  });
  expect(created.id).toEqual(expect.any(String));

  const read: any = await client.read({ resourceType: 'Patient', id: created.id });
  expect(read).toEqual(created);

  const updated: any = await client.update({ resourceType: 'Patient', id: created.id, body: { ...read, gender: 'male' } });
  expect(updated.gender).toBe('male');
  const patched: any = await client.patch({
    resourceType: 'Patient',
    id: created.id,
    jsonPatch: [{ op: 'add', path: '/birthDate', value: '2001-02-03' }],
  });
  expect(patched.birthDate).toBe('2001-02-03');

  const observations = Array.from({ length: 25 }, (_, i) => ({
    resource: { resourceType: 'Observation', status: 'final', code: { text: `o${i}` }, subject: { reference: `Patient/${created.id}` } },
    request: { method: 'POST', url: 'Observation' },
  }));
  const tx: any = await client.transaction({ body: { resourceType: 'Bundle', type: 'transaction', entry: observations } });
  expect(tx.entry).toHaveLength(25);

  const seen = new Set<string>();
  let page: any = await client.search({ resourceType: 'Observation', searchParams: { patient: created.id, _count: 10 } });
  expect(page.total).toBe(25);
  let pages = 0;
  while (page !== undefined) {
    pages++;
    for (const entry of page.entry) seen.add(entry.resource.id);
    page = await client.nextPage({ bundle: page });
  }
  expect({ pages, seen: seen.size }).toEqual({ pages: 3, seen: 25 });

  // fhir-kit-client POSTs its search form-encoded, which Google's store refuses: parameters go in the query string.
  const postSearch = client.search({ resourceType: 'Patient', searchParams: { family: 'kit' }, options: { postSearch: true } });
  await expect(postSearch).rejects.toMatchObject({ response: { status: 400 } });

  const history: any = await client.history({ resourceType: 'Patient', id: created.id });
  expect(history.entry).toHaveLength(3);

  for (const id of seen) await client.delete({ resourceType: 'Observation', id });
  expect(await client.delete({ resourceType: 'Patient', id: created.id })).toEqual({});
  await expect(client.read({ resourceType: 'Patient', id: created.id })).rejects.toMatchObject({ response: { status: 404 } });
});
