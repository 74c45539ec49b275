import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { Client, expectEnvelope, LOC, obj, start } from './helpers.js';

let emulator: RunningEmulator;
let api: Client;

beforeAll(async () => {
  emulator = await start();
  api = new Client(emulator);
});

afterAll(async () => {
  await emulator.close();
});

describe('datasets.create', () => {
  it('returns a done Operation whose response is the Dataset, and operations.get finds it', async () => {
    const res = await api.call('POST', `${LOC}/datasets?datasetId=create1`, { timeZone: 'America/New_York' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const op = obj(res.json);
    expect(op['name']).toMatch(/^projects\/p\/locations\/us-central1\/datasets\/create1\/operations\/\d+$/);
    expect(op['done']).toBe(true);
    const metadata = obj(op['metadata']);
    expect(metadata['@type']).toBe('type.googleapis.com/google.cloud.healthcare.v1.OperationMetadata');
    expect(metadata['apiMethodName']).toBe('google.cloud.healthcare.v1.dataset.DatasetService.CreateDataset');
    expect(Date.parse(String(metadata['createTime']))).not.toBeNaN();
    expect(Date.parse(String(metadata['endTime']))).not.toBeNaN();
    expect(op['response']).toEqual({
      '@type': 'type.googleapis.com/google.cloud.healthcare.v1.dataset.Dataset',
      name: `${LOC}/datasets/create1`,
      timeZone: 'America/New_York',
    });

    const got = await api.get(String(op['name']));
    expect(got.status).toBe(200);
    expect(got.json).toEqual(op);

    const list = await api.get(`${LOC}/datasets/create1/operations`);
    expect(obj(list.json)['operations']).toEqual([op]);
  });

  it('defaults the time zone to UTC', async () => {
    const res = await api.call('POST', `${LOC}/datasets?datasetId=create-utc`);
    expect(obj(obj(res.json)['response'])['timeZone']).toBe('UTC');
  });

  it('rejects a missing or invalid datasetId with 400', async () => {
    expectEnvelope(await api.call('POST', `${LOC}/datasets`, {}), 400, 'INVALID_ARGUMENT');
    for (const bad of ['a%2Fb', 'a%20b', '.', '..', 'x'.repeat(257), 'a*b']) {
      const res = await api.call('POST', `${LOC}/datasets?datasetId=${bad}`, {});
      expect(expectEnvelope(res, 400, 'INVALID_ARGUMENT')).toContain('datasetId');
    }
    // Letters of any script, digits, _ - . are fine.
    expect((await api.call('POST', `${LOC}/datasets?datasetId=${encodeURIComponent('über_1-2.3')}`)).status).toBe(200);
  });

  it('answers 409 ALREADY_EXISTS for an existing id', async () => {
    await api.call('POST', `${LOC}/datasets?datasetId=dup`);
    const res = await api.call('POST', `${LOC}/datasets?datasetId=dup`);
    expect(expectEnvelope(res, 409, 'ALREADY_EXISTS')).toContain(`${LOC}/datasets/dup`);
  });

  it('rejects unknown body fields, bad types, invalid time zones and malformed JSON', async () => {
    expect(expectEnvelope(await api.call('POST', `${LOC}/datasets?datasetId=b1`, { colour: 'red' }), 400, 'INVALID_ARGUMENT')).toBe(
      `Invalid JSON payload received. Unknown name "colour" at 'dataset': Cannot find field.`,
    );
    expectEnvelope(await api.call('POST', `${LOC}/datasets?datasetId=b2`, { timeZone: 5 }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('POST', `${LOC}/datasets?datasetId=b3`, { timeZone: 'Mars/Olympus' }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('POST', `${LOC}/datasets?datasetId=b4`, '{"timeZone": '), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('POST', `${LOC}/datasets?datasetId=b5`, '[1,2]'), 400, 'INVALID_ARGUMENT');
    // None of them was created.
    for (const id of ['b1', 'b2', 'b3', 'b4', 'b5']) expect((await api.get(`${LOC}/datasets/${id}`)).status).toBe(404);
  });
});

describe('datasets get / list / patch / delete', () => {
  it('gets a dataset', async () => {
    await api.call('POST', `${LOC}/datasets?datasetId=g1`, { timeZone: 'Europe/Paris' });
    const res = await api.get(`${LOC}/datasets/g1`);
    expect(res.json).toEqual({ name: `${LOC}/datasets/g1`, timeZone: 'Europe/Paris' });
  });

  it('answers 404 NOT_FOUND naming the dataset', async () => {
    const res = await api.get(`${LOC}/datasets/missing`);
    expect(expectEnvelope(res, 404, 'NOT_FOUND')).toContain(`${LOC}/datasets/missing`);
    expect(res.json).toEqual({
      error: { code: 404, message: expect.any(String), status: 'NOT_FOUND' },
    });
  });

  it('lists datasets of one location only, sorted by id, and {} when there are none', async () => {
    const loc = 'projects/listing/locations/europe-west4';
    for (const id of ['c', 'a', 'b']) await api.call('POST', `${loc}/datasets?datasetId=${id}`);
    await api.call('POST', 'projects/listing/locations/us-east1/datasets?datasetId=other');
    const res = await api.get(`${loc}/datasets`);
    expect(res.json).toEqual({
      datasets: ['a', 'b', 'c'].map((id) => ({ name: `${loc}/datasets/${id}`, timeZone: 'UTC' })),
    });
    expect((await api.get('projects/empty/locations/us-central1/datasets')).json).toEqual({});
  });

  it('patches the time zone with updateMask', async () => {
    await api.call('POST', `${LOC}/datasets?datasetId=p1`);
    const res = await api.call('PATCH', `${LOC}/datasets/p1?updateMask=timeZone`, { timeZone: 'Asia/Tokyo' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ name: `${LOC}/datasets/p1`, timeZone: 'Asia/Tokyo' });
    expect((await api.get(`${LOC}/datasets/p1`)).json).toEqual(res.json);
    // snake_case field paths bind too.
    const snake = await api.call('PATCH', `${LOC}/datasets/p1?update_mask=time_zone`, { timeZone: 'Europe/Oslo' });
    expect(obj(snake.json)['timeZone']).toBe('Europe/Oslo');
  });

  it('rejects a patch without updateMask, with unknown or immutable paths', async () => {
    await api.call('POST', `${LOC}/datasets?datasetId=p2`);
    expectEnvelope(await api.call('PATCH', `${LOC}/datasets/p2`, { timeZone: 'Asia/Tokyo' }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('PATCH', `${LOC}/datasets/p2?updateMask=colour`, {}), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('PATCH', `${LOC}/datasets/p2?updateMask=name`, { name: 'x' }), 400, 'INVALID_ARGUMENT');
    expectEnvelope(await api.call('PATCH', `${LOC}/datasets/p2?updateMask=encryptionSpec`, {}), 400, 'INVALID_ARGUMENT');
    expect(obj((await api.get(`${LOC}/datasets/p2`)).json)['timeZone']).toBe('UTC');
  });

  it('deletes a dataset with its stores and operations', async () => {
    const created = obj((await api.call('POST', `${LOC}/datasets?datasetId=del1`)).json);
    await api.call('POST', `${LOC}/datasets/del1/fhirStores?fhirStoreId=f`, { version: 'R4' });
    await api.call('POST', `${LOC}/datasets/del1/dicomStores?dicomStoreId=d`, {});
    const res = await api.call('DELETE', `${LOC}/datasets/del1`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
    expectEnvelope(await api.get(`${LOC}/datasets/del1`), 404, 'NOT_FOUND');
    expectEnvelope(await api.get(String(created['name'])), 404, 'NOT_FOUND');
    expectEnvelope(await api.call('DELETE', `${LOC}/datasets/del1`), 404, 'NOT_FOUND');

    // A new dataset with the same id starts empty.
    await api.call('POST', `${LOC}/datasets?datasetId=del1`);
    expect((await api.get(`${LOC}/datasets/del1/fhirStores`)).json).toEqual({});
    expect((await api.get(`${LOC}/datasets/del1/dicomStores`)).json).toEqual({});
    expectEnvelope(await api.get(`${LOC}/datasets/del1/fhirStores/f`), 404, 'NOT_FOUND');
    expect(obj((await api.get(`${LOC}/datasets/del1/operations`)).json)['operations']).toHaveLength(1);
  });
});

describe('operations', () => {
  it('cancel of a done operation answers {} and leaves it as it was', async () => {
    const op = obj((await api.call('POST', `${LOC}/datasets?datasetId=ops1`)).json);
    const res = await api.call('POST', `${op['name']}:cancel`, {});
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
    expect((await api.get(String(op['name']))).json).toEqual(op);
  });

  it('answers 404 for an unknown operation', async () => {
    await api.call('POST', `${LOC}/datasets?datasetId=ops2`);
    expect(expectEnvelope(await api.get(`${LOC}/datasets/ops2/operations/123`), 404, 'NOT_FOUND')).toContain('operations/123');
    expectEnvelope(await api.call('POST', `${LOC}/datasets/ops2/operations/123:cancel`, {}), 404, 'NOT_FOUND');
  });

  it('accepts (and ignores) a filter on operations.list', async () => {
    await api.call('POST', `${LOC}/datasets?datasetId=ops3`);
    const res = await api.get(`${LOC}/datasets/ops3/operations?filter=${encodeURIComponent('done=true')}&pageSize=5`);
    expect(obj(res.json)['operations']).toHaveLength(1);
  });
});

describe('locations', () => {
  it('lists us-central1 plus every location that has datasets', async () => {
    await api.call('POST', 'projects/locs/locations/europe-west2/datasets?datasetId=d');
    await api.call('POST', 'projects/locs/locations/asia-east1/datasets?datasetId=d');
    const res = await api.get('projects/locs/locations');
    expect(res.json).toEqual({
      locations: ['asia-east1', 'europe-west2', 'us-central1'].map((l) => ({
        name: `projects/locs/locations/${l}`,
        locationId: l,
      })),
    });
    expect(obj((await api.get('projects/nothing/locations')).json)['locations']).toEqual([
      { name: 'projects/nothing/locations/us-central1', locationId: 'us-central1' },
    ]);
  });

  it('gets any location', async () => {
    expect((await api.get('projects/x/locations/mars-north1')).json).toEqual({
      name: 'projects/x/locations/mars-north1',
      locationId: 'mars-north1',
    });
  });
});

describe('query parameters', () => {
  it('rejects unknown query parameters with Google\'s wording', async () => {
    const res = await api.get(`${LOC}/datasets?foo=1`);
    expect(expectEnvelope(res, 400, 'INVALID_ARGUMENT')).toBe(
      `Invalid JSON payload received. Unknown name "foo": Cannot bind query parameter. Field 'foo' could not be found in request message.`,
    );
    // A parameter of another method is unknown here too.
    expectEnvelope(await api.get(`${LOC}/datasets?datasetId=x`), 400, 'INVALID_ARGUMENT');
  });

  it('accepts Google\'s system parameters; prettyPrint=false makes the JSON compact', async () => {
    await api.call('POST', `${LOC}/datasets?datasetId=sys`);
    const pretty = await api.get(`${LOC}/datasets/sys`);
    expect(pretty.text).toContain('\n  "name"');
    const system = '$.xgafv=2&access_token=t&alt=json&callback=c&fields=name&key=k&oauth_token=o&quotaUser=q&uploadType=media&upload_protocol=raw';
    const res = await api.get(`${LOC}/datasets/sys?prettyPrint=false&${system}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe(`{"name":"${LOC}/datasets/sys","timeZone":"UTC"}`);
  });
});

describe('unrouted requests', () => {
  it('answers an unknown path with Google\'s HTML 404', async () => {
    const res = await fetch(`${emulator.url}/v1/${LOC}/datazets?x=<b>`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Error 404 (Not Found)!!1');
    expect(html).toContain(`The requested URL <code>/v1/${LOC}/datazets</code> was not found on this server.`);
  });

  it('answers a method the route does not have, an unknown verb and a trailing slash with the HTML 404', async () => {
    await api.call('POST', `${LOC}/datasets?datasetId=verbs`);
    for (const [method, path] of [
      ['PUT', `${LOC}/datasets/verbs`],
      ['POST', `${LOC}/datasets/verbs`],
      ['GET', `${LOC}/datasets/verbs:frobnicate`],
      ['GET', `${LOC}/datasets/`],
      ['GET', `${LOC}/datasets/verbs:getFHIRStoreMetrics`],
    ] as const) {
      const res = await api.call(method, path);
      expect([method, path, res.status, res.headers.get('content-type')]).toEqual([method, path, 404, 'text/html; charset=UTF-8']);
    }
    const res = await fetch(`${emulator.url}/`);
    expect(res.status).toBe(404);
  });
});
