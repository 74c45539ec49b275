import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvError, emulatorOptionsFromEnv } from '../../src/emulator/env.js';
import { loadPrincipalsFile, parsePrincipals } from '../../src/emulator/iam/index.js';
import { BUILT_IN_MODULES, type EmulatorServices } from '../../src/emulator/server.js';
import { jsonReply } from '../../src/emulator/reply.js';
import { thrownBy } from '../helpers/errors.js';
import { expectEnvelope, LOC, start, suiteFixture } from './helpers.js';
import { Caller, createFhirStore, DATASET, expectStatus, IMG, PRINCIPALS, S1, startIamFixture, stowSample } from './iam-helpers.js';

/** The message `fn` throws (fails when it does not throw). */
const errorOf = (fn: () => unknown): string => (thrownBy(fn) as Error).message;

describe('principals files', () => {
  it('parses tokens and admins', () => {
    expect(parsePrincipals(JSON.stringify(PRINCIPALS))).toEqual(PRINCIPALS);
    expect(parsePrincipals('{"tokens": {"t": "user:a@example.com"}}')).toEqual({ tokens: { t: 'user:a@example.com' }, admins: [] });
  });

  it.each([
    ['not json', /^not JSON: /],
    ['[]', /expected an object/],
    ['{"tokens": {}, "admin": []}', /unknown field "admin"/],
    ['{"admins": []}', /"tokens" must be an object/],
    ['{"tokens": {"t": "alice@example.com"}}', /principal of token #1 must be a principal such as "user:/],
    ['{"tokens": {"a b": "user:a@example.com"}}', /token #1 is empty or contains white space/],
    ['{"tokens": {}, "admins": ["group:g@example.com"]}', /admins\[0\] must be a principal/],
    ['{"tokens": {}, "admins": "user:a@example.com"}', /"admins" must be a list/],
  ])('rejects %s with a one-line message', (text, message) => {
    expect(errorOf(() => parsePrincipals(text))).toMatch(message);
    expect(errorOf(() => parsePrincipals(text))).not.toContain('\n');
  });

  it('never echoes a token in an error', () => {
    expect(errorOf(() => parsePrincipals('{"tokens": {"secret-token": "nobody"}}'))).not.toContain('secret-token');
  });

  it('loads a file, naming it in errors, and is read by env.ts from EMULATOR_PRINCIPALS', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'emulator-principals-'));
    try {
      const good = path.join(dir, 'principals.json');
      await writeFile(good, JSON.stringify(PRINCIPALS));
      expect(loadPrincipalsFile(good)).toEqual(PRINCIPALS);
      expect(emulatorOptionsFromEnv({ EMULATOR_PRINCIPALS: good }).principals).toEqual(PRINCIPALS);
      expect(emulatorOptionsFromEnv({}).principals).toBeUndefined();

      const missing = path.join(dir, 'missing.json');
      expect(() => loadPrincipalsFile(missing)).toThrow(`${missing}: no such file`);
      const bad = path.join(dir, 'bad.json');
      await writeFile(bad, '{"tokens": 1}');
      expect(() => emulatorOptionsFromEnv({ EMULATOR_PRINCIPALS: bad })).toThrow(EnvError);
      expect(() => emulatorOptionsFromEnv({ EMULATOR_PRINCIPALS: bad })).toThrow(`EMULATOR_PRINCIPALS: ${bad}: "tokens" must be an object`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is validated by startEmulator too', async () => {
    await expect(start({ principals: { tokens: { t: 'alice' }, admins: [] } })).rejects.toThrow(/principal of token #1/);
  });
});

describe('authentication', () => {
  const fx = suiteFixture(startIamFixture);

  it.each([
    ['no Authorization header', undefined, 'Request is missing required authentication credential', 'Bearer realm="https://accounts.google.com/"'],
    ['an unknown token', 'nope', 'Request had invalid authentication credentials', 'Bearer realm="https://accounts.google.com/", error="invalid_token"'],
  ])('answers 401 UNAUTHENTICATED to %s, on every surface', async (_, token, message, challenge) => {
    const caller = new Caller(fx.emulator, token);
    for (const path of [`${LOC}/datasets`, DATASET, `${S1}/fhir/${fx.patients.s1}`, `${IMG}/dicomWeb/studies`, fx.operation, `${DATASET}:getIamPolicy`]) {
      const res = await caller.get(path);
      expect(expectEnvelope(res, 401, 'UNAUTHENTICATED')).toContain(message);
      expect(res.headers.get('www-authenticate')).toBe(challenge);
    }
  });

  it('answers 401 to a token that is not a Bearer token', async () => {
    const res = await fx.anonymous.get(DATASET, { authorization: 'Basic dC1yb290' });
    expectEnvelope(res, 401, 'UNAUTHENTICATED');
  });

  it('changes nothing for a request it rejects', async () => {
    expectEnvelope(await fx.anonymous.call('POST', `${LOC}/datasets?datasetId=sneaky`, {}), 401, 'UNAUTHENTICATED');
    expectStatus(await fx.admin.get(`${LOC}/datasets/sneaky`), 404);
  });

  it('still answers unknown paths with Google’s HTML 404', async () => {
    const res = await fx.anonymous.get(`${LOC}/datasetz`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('admins', () => {
  const fx = suiteFixture(startIamFixture);

  it('can call every method family without any binding', async () => {
    const { admin } = fx;
    expectStatus(await admin.get(`projects/p/locations`), 200);
    expectStatus(await admin.get(LOC), 200);
    expectStatus(await admin.get(`${LOC}/datasets`), 200);
    expectStatus(await admin.call('PATCH', `${DATASET}?updateMask=timeZone`, { timeZone: 'Europe/Paris' }), 200);
    expectStatus(await admin.get(`${DATASET}/fhirStores`), 200);
    expectStatus(await admin.get(`${S1}:getFHIRStoreMetrics`), 200);
    expectStatus(await admin.get(`${DATASET}/operations`), 200);
    expectStatus(await admin.get(fx.operation), 200);
    expectStatus(await admin.call('POST', `${fx.operation}:cancel`, {}), 200);
    expectStatus(await admin.get(`${S1}/fhir/${fx.patients.s1}`), 200);
    expectStatus(await admin.get(`${S1}/fhir/Patient?family=Doe`), 200);
    expectStatus(await admin.call('DELETE', `${S1}/fhir/${fx.patients.s1}`), 200);
    expectStatus(await admin.get(`${IMG}/dicomWeb/studies`), 200);
    expectStatus(await admin.get(`${fx.instance}/metadata`), 200);
    expectStatus((await stowSample(admin, IMG, 'admin-stow')).res, 200);
    expectStatus(await admin.get(`${IMG}:getIamPolicy`), 200);
    const tested = expectStatus(await admin.call('POST', `${S1}:testIamPermissions`, { permissions: ['healthcare.fhirResources.purge'] }), 200);
    expect(tested).toEqual({ permissions: ['healthcare.fhirResources.purge'] });
    expectStatus(await admin.call('DELETE', `${DATASET}/fhirStores/s2`), 200);
  });

  it('match case-insensitively on the email', async () => {
    const emulator = await start({ principals: { tokens: { t: 'user:Root@Example.com' }, admins: ['user:root@example.com'] } });
    try {
      expectStatus(await new Caller(emulator, 't').get(`${LOC}/datasets`), 200);
    } finally {
      await emulator.close();
    }
  });
});

describe('routes', () => {
  it('all declare the permission they need', () => {
    const services = {} as EmulatorServices;
    const undeclared = BUILT_IN_MODULES.flatMap((module) => module.routes(services))
      .filter((route) => route.access === undefined)
      .map((route) => `${route.method} ${route.path}`);
    expect(undeclared).toEqual([]);
  });

  it('that declare none are for admins only', async () => {
    const emulator = await start({
      principals: PRINCIPALS,
      modules: [{ name: 'extra', routes: () => [{ method: 'GET', path: '/extra', query: [], handle: () => jsonReply({ ok: true }) }] }],
    });
    try {
      const get = (token: string): Promise<Response> => fetch(`${emulator.url}/extra`, { headers: { authorization: `Bearer ${token}` } });
      expect((await get('t-root')).status).toBe(200);
      const denied = await get('t-alice');
      expect(denied.status).toBe(403);
      expect(await denied.json()).toEqual({ error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } });
    } finally {
      await emulator.close();
    }
  });
});

describe('without principals', () => {
  it('allows every request and still serves the IAM methods', async () => {
    const emulator = await start();
    try {
      const anyone = new Caller(emulator, undefined);
      expectStatus(await anyone.call('POST', `${LOC}/datasets?datasetId=d`, {}), 200);
      await createFhirStore(anyone, 's1');
      expect(expectStatus(await anyone.get(`${S1}:getIamPolicy`), 200)).toEqual({ etag: 'ACAB' });
      const set = expectStatus(
        await anyone.call('POST', `${S1}:setIamPolicy`, {
          policy: { bindings: [{ role: 'roles/healthcare.fhirResourceReader', members: ['user:alice@example.com'] }] },
        }),
        200,
      );
      expect(set['bindings']).toEqual([{ role: 'roles/healthcare.fhirResourceReader', members: ['user:alice@example.com'] }]);
      // A token nobody issued is ignored rather than rejected: there is nothing to check it against.
      const tested = await new Caller(emulator, 'whatever').call('POST', `${S1}:testIamPermissions`, {
        permissions: ['healthcare.fhirResources.create', 'healthcare.fhirStores.delete'],
      });
      expect(expectStatus(tested, 200)).toEqual({ permissions: ['healthcare.fhirResources.create', 'healthcare.fhirStores.delete'] });
      expectStatus(await anyone.call('DELETE', S1), 200);
    } finally {
      await emulator.close();
    }
  });
});
