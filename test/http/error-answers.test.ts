import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { startTestApp } from '../helpers/app.js';

const DICOM = 'projects/demo/locations/us-central1/datasets/demo/dicomStores/dicom';
const FRAME = 'dicomWeb/studies/1.2/series/1.2/instances/1.3/frames/1/rendered';

/** An answer's status, its content type and its JSON body. */
async function answer(app: RunningApp, path: string, init: RequestInit = {}) {
  const response = await fetch(`${app.graph.url}${path}`, init);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

const error = (code: string, message: string | ReturnType<typeof expect.any>, extensions: Record<string, unknown> = {}) =>
  ({ type: 'application/json; charset=utf-8', body: { errors: [{ message, extensions: { code, ...extensions } }] } });

/** Every error answer outside GraphQL has the shape of a GraphQL error response, and its code's status. */
describe('HTTP error answers', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers an unknown path with 404 NOT_FOUND and the endpoints there are', async () => {
    expect(await answer(app, '/nowhere')).toEqual({
      status: 404,
      ...error('NOT_FOUND', 'not found', { endpoints: ['/graphql', '/healthz', '/readyz', '/metrics', '/dicom/…/rendered', '/dicomweb/v1/{dicomStore}/dicomWeb/…', '/viewer'] }),
    });
  });

  it('answers an unreadable GraphQL body with BAD_USER_INPUT and the status that says why', async () => {
    const post = (body: string) => answer(app, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await post('{"query":')).toEqual({ status: 400, ...error('BAD_USER_INPUT', 'Request body is not valid JSON') });
    expect(await post(JSON.stringify({ query: `{ datasets { nodes { name } } } #${'x'.repeat(1_100_000)}` })))
      .toEqual({ status: 413, ...error('BAD_USER_INPUT', 'Request body is larger than 1048576 bytes') });
  });

  it.each([
    ['a POST', 400, 'BAD_USER_INPUT', `/dicom/${DICOM}/${FRAME}`, { method: 'POST' }, 'Only GET'],
    ['a path that is not a frame', 400, 'BAD_USER_INPUT', `/dicom/${DICOM}/dicomWeb/studies/1.2`, {}, 'not a rendered-frame path'],
    ['an unknown format', 400, 'BAD_USER_INPUT', `/dicom/${DICOM}/${FRAME}?format=gif`, {}, 'format must be png or jpeg'],
    ['frame 0', 400, 'BAD_USER_INPUT', `/dicom/${DICOM}/${FRAME.replace('frames/1', 'frames/0')}`, {}, 'frame numbers start at 1'],
    ['a store of another project', 403, 'FORBIDDEN', `/dicom/${DICOM.replace('projects/demo', 'projects/other')}/${FRAME}`, {},
      'This server serves projects/demo/locations/us-central1 only'],
    ['a missing instance', 404, 'NOT_FOUND', `/dicom/${DICOM}/${FRAME}`, {}, expect.stringMatching(/1\.3/)],
  ])('the image proxy answers %s with %i %s', async (_what, status, code, path, init, message) => {
    expect(await answer(app, path, init)).toEqual({ status, ...error(code, message) });
  });
});

describe('HTTP error answers in passthrough mode', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ AUTH_MODE: 'passthrough' });
  });
  afterAll(() => app.close());

  it('answers an image request without a bearer token with 401 UNAUTHENTICATED and the Bearer challenge', async () => {
    const response = await fetch(`${app.graph.url}/dicom/${DICOM}/${FRAME}`);
    expect([response.status, response.headers.get('www-authenticate'), await response.json()]).toEqual([401, 'Bearer', error('UNAUTHENTICATED',
      'This server forwards your Google credentials: send Authorization: Bearer <access token>').body]);
  });
});
