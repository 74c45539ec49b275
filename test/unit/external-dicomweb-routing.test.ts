/**
 * `dicomweb.ts` routing at the upstream client: a Cloud Healthcare store's call goes below the API
 * root with the request's credentials; an external store's call goes to its base URL with its own
 * header, and the request's credentials are not even asked for.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pLimit from 'p-limit';
import { HealthcareClient, type UpstreamSettings } from '../../src/healthcare/client.js';
import type { Credentials } from '../../src/healthcare/auth.js';
import { AccessPolicy } from '../../src/access/policy.js';
import { qido, renderedFrame } from '../../src/healthcare/dicomweb.js';
import { ExternalDicomStores } from '../../src/healthcare/external-dicomweb.js';
import { InvalidNameError } from '../../src/healthcare/names.js';
import { createMetrics } from '../../src/observability/metrics.js';

const LOCATION = { project: 'demo', location: 'us-central1' };
const access = new AccessPolicy(LOCATION);
const store = (id: string) => access.checkStore<'dicomStores'>({ ...LOCATION, dataset: 'demo', kind: 'dicomStores', store: id });
const GOOGLE = { authorization: 'Bearer google-token' };

let server: Server;
let root: string;
const seen: { url: string; authorization?: string; acceptEncoding?: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization, acceptEncoding: request.headers['accept-encoding'] });
    if (request.url?.endsWith('/rendered')) response.writeHead(200, { 'content-type': 'image/png' }).end('png');
    else response.writeHead(200, { 'content-type': 'application/dicom+json' }).end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A client whose credentials count how often they are asked for. */
function client(): { client: HealthcareClient; asked: () => number } {
  let asked = 0;
  const credentials: Credentials = { headers: async () => { asked += 1; return GOOGLE; } };
  const settings: UpstreamSettings = {
    apiUrl: `${root}/v1`, timeoutMs: 5000, metrics: createMetrics(), concurrency: 4, processLimit: pLimit(4),
    retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    externalDicom: new ExternalDicomStores([
      { id: 'orthanc', url: `${root}/orthanc/dicom-web`, dataset: 'demo', authorization: 'Basic b3J0aGFuYw==', quirks: 'orthanc' },
      { id: 'open', url: `${root}/open/rs`, dataset: 'demo', quirks: 'standard' },
    ], LOCATION),
  };
  return { client: new HealthcareClient(settings, credentials), asked: () => asked };
}

describe('routing DICOMweb calls by store', () => {
  it('sends a Cloud Healthcare store\'s call below the API root with the credentials', async () => {
    const { client: c, asked } = client();
    await qido(c, store('dicom'), ['studies'], [['PatientName', 'Doe^J']]);
    expect(seen.at(-1)).toMatchObject({ url: '/v1/projects/demo/locations/us-central1/datasets/demo/dicomStores/dicom/dicomWeb/studies?PatientName=Doe%5EJ', authorization: GOOGLE.authorization });
    expect(asked()).toBe(1);
  });

  it('sends an external store\'s calls to its base URL with its own header or none, never asking for the credentials', async () => {
    const { client: c, asked } = client();
    await qido(c, store('orthanc'), ['studies', '1.2.3', 'series'], [['PatientName', 'Doe^J'], ['limit', '3']]);
    expect(seen.at(-1)).toEqual({ url: '/orthanc/dicom-web/studies/1.2.3/series?PatientName=Doe^J&limit=3', authorization: 'Basic b3J0aGFuYw==', acceptEncoding: expect.any(String) });
    await qido(c, store('open'), ['studies'], [['PatientName', 'Doe^J']]);
    expect(seen.at(-1)).toMatchObject({ url: '/open/rs/studies?PatientName=Doe%5EJ', authorization: undefined });
    const image = await renderedFrame(c, store('orthanc'), { study: '1.2', series: '1.2.3', instance: '1.2.3.4' }, 2, 'image/png');
    expect(await image.text()).toBe('png');
    expect(seen.at(-1)).toEqual({ url: '/orthanc/dicom-web/studies/1.2/series/1.2.3/instances/1.2.3.4/frames/2/rendered', authorization: 'Basic b3J0aGFuYw==', acceptEncoding: 'identity' });
    expect(asked()).toBe(0);
    expect(c.calls).toBe(3);
  });

  it.each([['..'], ['1.2/../../x'], [''], ['1.2?x=1'], ['%2e%2e']])('refuses the path segment %j (it may come from an upstream answer) before any call', async (segment) => {
    const { client: c } = client();
    for (const id of ['dicom', 'orthanc']) {
      await expect(qido(c, store(id), ['studies', segment, 'series'], [])).rejects.toThrow(InvalidNameError);
    }
    expect(c.calls).toBe(0);
  });
});
