import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { countUpstreamCalls, graphql, startTestApp } from '../helpers/app.js';
import { DEMO_DICOM_STORE, DEMO_FHIR_STORE } from '../helpers/demo-names.js';
import { startTestIssuer, unsecuredToken, type TestIssuer } from '../helpers/oidc-issuer.js';

const AUDIENCE = 'healthcare-graph-test';
const STORES = `{ fhirStore(name: "${DEMO_FHIR_STORE}") { storeId } dicomStore(name: "${DEMO_DICOM_STORE}") { storeId } }`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A rendered-frame URL of the demo's first instance, asked for with `token`. */
async function firstRenderedUrl(app: RunningApp, token: string): Promise<string> {
  const result = await graphql(app, `{ dicomStore(name: "${DEMO_DICOM_STORE}") { studies(first: 1) { nodes { series(first: 1) { nodes { instances(first: 1) { nodes { renderedUrl } } } } } } } }`, {}, bearer(token));
  return result.data.dicomStore.studies.nodes[0].series.nodes[0].instances.nodes[0].renderedUrl;
}

describe('AUTH_MODE=oidc', () => {
  let issuer: TestIssuer;
  let app: RunningApp;
  beforeAll(async () => {
    issuer = await startTestIssuer(AUDIENCE);
    app = await startTestApp({ AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS_COOLDOWN_MS: '0' });
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.close();
  });

  it('answers a caller with a valid token of the issuer', async () => {
    const result = await graphql(app, STORES, {}, bearer(await issuer.token()));
    expect(result).toEqual({ status: 200, data: { fhirStore: { storeId: 'fhir' }, dicomStore: { storeId: 'dicom' } } });
  });

  it.each<[string, () => Promise<Record<string, string>>]>([
    ['no token', async () => ({})],
    ['a token that is not a JWT', async () => bearer('not-a-jwt')],
    ['a forged token (signed by a key the issuer never published)', async () => {
      const { startTestIssuer: start } = await import('../helpers/oidc-issuer.js');
      const forger = await start(AUDIENCE);
      try {
        return bearer(await forger.token({ iss: issuer.url }, { header: { kid: issuer.currentKey().kid } }));
      } finally {
        await forger.close();
      }
    }],
    ['an expired token', async () => bearer(await issuer.token({}, { expiresIn: Math.floor(Date.now() / 1000) - 120 }))],
    ['a token of another issuer', async () => bearer(await issuer.token({ iss: 'https://evil.example.com' }))],
    ['a token for another audience', async () => bearer(await issuer.token({ aud: 'some-other-api' }))],
    ['an alg:none token', async () => bearer(unsecuredToken({ iss: issuer.url, aud: AUDIENCE, sub: 'admin', exp: Math.floor(Date.now() / 1000) + 300 }))],
    ['a token whose signature was altered', async () => {
      const token = await issuer.token();
      const [header, payload] = token.split('.');
      const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'someone-else' })).toString('base64url');
      return bearer(`${header}.${altered}.${token.split('.')[2]}`);
    }],
  ])('refuses %s with 401 UNAUTHENTICATED and no upstream call', async (_what, headers) => {
    const sent = await headers();
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, STORES, {}, sent));
    expect(result.status).toBe(401);
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(result)).not.toContain(sent.authorization?.slice(7) || '\u0000');
    expect(calls).toBe(0);
  });

  it('follows a key rotation: a new key is fetched when a token names it, the withdrawn one is refused', async () => {
    const oldKey = issuer.currentKey();
    expect((await graphql(app, STORES, {}, bearer(await issuer.token()))).status).toBe(200);
    const fetchesBefore = issuer.jwksFetches();
    await issuer.rotate();
    expect((await graphql(app, STORES, {}, bearer(await issuer.token()))).status).toBe(200);
    expect(issuer.jwksFetches()).toBe(fetchesBefore + 1);
    const { result, calls } = await countUpstreamCalls(app, async () => graphql(app, STORES, {}, bearer(await issuer.token({}, { key: oldKey }))));
    expect([result.status, result.errors?.[0]?.extensions?.code, calls]).toEqual([401, 'UNAUTHENTICATED', 0]);
    // Keys it already holds need no fetch.
    await graphql(app, STORES, {}, bearer(await issuer.token()));
    expect(issuer.jwksFetches()).toBe(fetchesBefore + 2);
  });

  it('checks the token on the image endpoint too', async () => {
    const token = await issuer.token();
    const url = await firstRenderedUrl(app, token);
    const { result: refused, calls } = await countUpstreamCalls(app, () => fetch(url));
    expect([refused.status, refused.headers.get('www-authenticate'), calls]).toEqual([401, 'Bearer', 0]);
    const { result: expired, calls: expiredCalls } = await countUpstreamCalls(app, async () => fetch(url, { headers: bearer(await issuer.token({}, { expiresIn: Math.floor(Date.now() / 1000) - 120 })) }));
    expect([expired.status, expired.headers.get('www-authenticate'), expiredCalls]).toEqual([401, 'Bearer error="invalid_token"', 0]);
    const image = await fetch(url, { headers: bearer(token) });
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);
  });
});

describe('AUTH_MODE=oidc with OIDC_ACCESS_MAP', () => {
  let issuer: TestIssuer;
  let app: RunningApp;
  beforeAll(async () => {
    issuer = await startTestIssuer(AUDIENCE);
    app = await startTestApp({
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: issuer.url,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_ACCESS_CLAIM: 'groups',
      OIDC_ACCESS_MAP: JSON.stringify({ radiology: { dicomStores: ['dicom'], fhirStores: [] }, clinic: { datasets: ['demo'], fhirStores: ['fhir'] } }),
    });
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.close();
  });

  it('narrows each caller to its groups\' stores, refusing the rest before any upstream call', async () => {
    const radiologist = bearer(await issuer.token({ groups: ['radiology'] }));
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, `{ fhirStore(name: "${DEMO_FHIR_STORE}") { storeId } }`, {}, radiologist));
    expect([result.errors?.[0]?.extensions?.code, calls]).toEqual(['FORBIDDEN', 0]);
    expect((await graphql(app, `{ dicomStore(name: "${DEMO_DICOM_STORE}") { storeId } }`, {}, radiologist)).data).toEqual({ dicomStore: { storeId: 'dicom' } });

    const clinician = bearer(await issuer.token({ groups: 'clinic' }));
    expect((await graphql(app, `{ fhirStore(name: "${DEMO_FHIR_STORE}") { storeId } }`, {}, clinician)).data).toEqual({ fhirStore: { storeId: 'fhir' } });
    expect((await graphql(app, '{ datasets { nodes { datasetId fhirStores { nodes { storeId } } } } }', {}, clinician)).data)
      .toEqual({ datasets: { nodes: [{ datasetId: 'demo', fhirStores: { nodes: [{ storeId: 'fhir' }] } }] } });
  });

  it('grants nothing to a caller none of whose claim values is mapped', async () => {
    const stranger = bearer(await issuer.token({ groups: ['visitors'] }));
    const { result, calls } = await countUpstreamCalls(app, () => graphql(app, '{ datasets { nodes { datasetId } } dataset(id: "demo") { name } }', {}, stranger));
    expect(result.data).toEqual({ datasets: { nodes: [] }, dataset: null });
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(calls).toBe(0);
  });
});
