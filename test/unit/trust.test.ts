import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { grantOf } from '../../src/access/credentials.js';
import { AccessPolicy } from '../../src/access/policy.js';
import { TokenInfo } from '../../src/access/tokeninfo.js';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { pathTemplate } from '../../src/healthcare/upstream-observer.js';
import { parseStoreName } from '../../src/healthcare/names.js';

const DATASET = 'projects/p/locations/l/datasets/d';

describe('pathTemplate', () => {
  it.each([
    [`${DATASET}/fhirStores/fhir/fhir/Patient/123`, 'projects/{}/locations/{}/datasets/{}/fhirStores/{}/fhir/Patient/{}'],
    [`${DATASET}/fhirStores/s/fhir/Patient/abc/$everything`, 'projects/{}/locations/{}/datasets/{}/fhirStores/{}/fhir/Patient/{}/$everything'],
    [`${DATASET}/fhirStores/s/fhir/Observation/o1/_history/2`, 'projects/{}/locations/{}/datasets/{}/fhirStores/{}/fhir/Observation/{}/_history/{}'],
    [`${DATASET}/dicomStores/dicom/dicomWeb/studies/1.2.3/series/4.5/instances/6.7/frames/1/rendered`, 'projects/{}/locations/{}/datasets/{}/dicomStores/{}/dicomWeb/studies/{}/series/{}/instances/{}/frames/{}/rendered'],
    [`${DATASET}/fhirStores/s:import`, 'projects/{}/locations/{}/datasets/{}/fhirStores/{}:import'],
    ['studies', 'studies'],
  ])('%s → %s', (path, template) => {
    expect(pathTemplate(path)).toBe(template);
  });
});

describe('per-caller grants', () => {
  const grants = new Map([
    ['radiology', { dicomStores: ['dicom'], fhirStores: [] }],
    ['clinic', { fhirStores: ['fhir', 'notes'] }],
  ]);
  const token = (groups: unknown) => ({ subject: 's', claims: { groups } });

  it('unite the entries of the caller\'s claim values; a kind one entry leaves out is granted whole', () => {
    expect(grantOf(token(['radiology', 'clinic']), 'groups', grants)).toEqual({ datasets: undefined, fhirStores: ['fhir', 'notes'], dicomStores: undefined, hl7V2Stores: undefined });
    expect(grantOf(token('radiology'), 'groups', grants)).toEqual({ datasets: undefined, fhirStores: [], dicomStores: ['dicom'], hl7V2Stores: undefined });
    expect(grantOf(token(['visitors', 42]), 'groups', grants)).toEqual({ datasets: [], fhirStores: [], dicomStores: [], hl7V2Stores: [] });
  });

  it('only ever narrow the server\'s allow-lists', () => {
    const server = new AccessPolicy({ project: 'p', location: 'l', allowedFhirStores: ['fhir', 'other'], allowedDicomStores: undefined, allowedHl7V2Stores: undefined });
    const narrowed = server.narrowedTo({ fhirStores: ['fhir', 'notes'], datasets: ['d'] });
    expect(narrowed.allowedStores('fhirStores')).toEqual(['fhir']);
    expect(narrowed.allowedStores('dicomStores')).toBeUndefined();
    expect(() => narrowed.checkStore(parseStoreName(`${DATASET}/fhirStores/other`, 'fhirStores'))).toThrow(/allow-list/);
    expect(() => narrowed.checkStore(parseStoreName('projects/p/locations/l/datasets/e/fhirStores/fhir', 'fhirStores'))).toThrow(/not granted dataset "e"/);
    expect(narrowed.checkStore(parseStoreName(`${DATASET}/fhirStores/fhir`, 'fhirStores')).store).toBe('fhir');
    expect(narrowed.narrowedTo({ fhirStores: ['other'] }).allowedStores('fhirStores')).toEqual([]);
    // The server's own policy is unchanged.
    expect(server.allowedStores('fhirStores')).toEqual(['fhir', 'other']);
  });
});

describe('TokenInfo', () => {
  it('names a token\'s account, asking once per token, with the token in the body only', async () => {
    const seen: { url?: string; body: string }[] = [];
    const server = createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      seen.push({ url: request.url, body });
      const token = new URLSearchParams(body).get('access_token');
      response.writeHead(token === 'good' ? 200 : 400, { 'content-type': 'application/json' });
      response.end(JSON.stringify(token === 'good' ? { email: 'a@example.com', expires_in: '3000' } : { error: 'invalid_token' }));
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const info = new TokenInfo(`http://127.0.0.1:${(server.address() as AddressInfo).port}/tokeninfo`);
      expect(await info.account('good')).toBe('a@example.com');
      expect(await info.account('good')).toBe('a@example.com');
      expect(await info.account('bad')).toBeUndefined();
      expect(seen).toEqual([{ url: '/tokeninfo', body: 'access_token=good' }, { url: '/tokeninfo', body: 'access_token=bad' }]);
    } finally {
      server.close();
    }
  });
});

describe('trust configuration', () => {
  const oidc = { AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://id.example.com/', OIDC_AUDIENCE: 'graph' };
  it('reads AUTH_MODE=oidc with its issuer and audience; upstream without credentials on the emulator', () => {
    expect(loadConfig(oidc).oidc).toEqual({ issuer: 'https://id.example.com/', audience: 'graph', upstreamAuth: 'none', access: undefined, jwksCooldownMs: 30_000 });
    expect(loadConfig({ ...oidc, HEALTHCARE_PROJECT: 'p', EMULATOR: 'off' }).oidc?.upstreamAuth).toBe('adc');
  });

  it.each([
    [{ AUTH_MODE: 'oidc' }, /Missing OIDC_ISSUER/],
    [{ ...oidc, OIDC_ISSUER: 'http://id.example.com' }, /OIDC_ISSUER.*https/],
    [{ OIDC_ISSUER: 'https://id.example.com' }, /without AUTH_MODE=oidc/],
    [{ ...oidc, OIDC_ACCESS_CLAIM: 'groups' }, /set both/],
    [{ ...oidc, OIDC_ACCESS_CLAIM: 'groups', OIDC_ACCESS_MAP: '{"a": {"buckets": []}}' }, /unknown key "buckets"/],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, /Missing OTEL_EXPORTER_OTLP_ENDPOINT/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('turns tracing on with an OTLP endpoint only, and off with OTEL_SDK_DISABLED', () => {
    expect(loadConfig({}).tracing.exportUrl).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing.exportUrl).toBe('http://collector:4318/v1/traces');
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c/t' }).tracing.exportUrl).toBe('http://c/t');
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_SDK_DISABLED: 'true' }).tracing.exportUrl).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_TRACES_EXPORTER: 'none' }).tracing.exportUrl).toBeUndefined();
  });
});
