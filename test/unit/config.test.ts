import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { GOOGLE_API_URL, loadConfig } from '../../src/config/index.js';
import { configErrorOf as messageOf } from '../helpers/config.js';

describe('loadConfig', () => {
  it('defaults to the embedded emulator with the demo project and no auth', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000, host: '127.0.0.1', project: 'demo', location: 'us-central1', authMode: 'none',
      emulator: { enabled: true, port: 8089 }, demoPatients: 100, logLevel: 'info', introspection: true, graphiql: true,
    });
  });

  it('uses Google with ADC when a project is configured', () => {
    const config = loadConfig({ HEALTHCARE_PROJECT: 'my-project-123' });
    expect(config).toMatchObject({ apiUrl: GOOGLE_API_URL, project: 'my-project-123', authMode: 'adc', emulator: { enabled: false } });
  });

  it('uses an external emulator without auth when only the API root is set', () => {
    const config = loadConfig({ HEALTHCARE_API_URL: 'http://127.0.0.1:8089/v1/' });
    expect(config).toMatchObject({ apiUrl: 'http://127.0.0.1:8089/v1', project: 'demo', authMode: 'none', emulator: { enabled: false } });
  });

  it('turns GraphiQL and introspection off in production unless re-enabled', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, introspection: false, graphiql: false });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true', GRAPHQL_INTROSPECTION: '1' })).toMatchObject({ introspection: true, graphiql: true });
  });

  it('parses the allow-lists, dropping blanks and duplicates', () => {
    expect(loadConfig({ ALLOWED_FHIR_STORES: ' fhir, other ,fhir,' }).allowedFhirStores).toEqual(['fhir', 'other']);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ EMULATOR_PORT: '-1' }, 'EMULATOR_PORT'],
    [{ EMULATOR: 'maybe' }, 'EMULATOR'],
    [{ AUTH_MODE: 'magic' }, 'AUTH_MODE'],
    [{ HEALTHCARE_API_URL: 'not a url' }, 'HEALTHCARE_API_URL'],
    [{ HEALTHCARE_API_URL: 'https://healthcare.googleapis.com/v2' }, 'HEALTHCARE_API_URL'],
    [{ HEALTHCARE_API_URL: 'ftp://x/v1' }, 'HEALTHCARE_API_URL'],
    [{ HEALTHCARE_API_URL: 'http://10.1.2.3/v1', AUTH_MODE: 'adc' }, 'AUTH_MODE'],
    [{ HEALTHCARE_PROJECT: 'Bad Project' }, 'HEALTHCARE_PROJECT'],
    [{ EMULATOR: 'off' }, 'HEALTHCARE_PROJECT'],
    [{ EMULATOR: 'on', HEALTHCARE_API_URL: 'http://127.0.0.1:1/v1' }, 'HEALTHCARE_API_URL'],
    [{ HEALTHCARE_LOCATION: 'US Central' }, 'HEALTHCARE_LOCATION'],
    [{ HEALTHCARE_DATASET: '../x' }, 'HEALTHCARE_DATASET'],
    [{ ALLOWED_FHIR_STORES: 'a,b/c' }, 'ALLOWED_FHIR_STORES'],
    [{ ALLOWED_DICOM_STORES: ',' }, 'ALLOWED_DICOM_STORES'],
    [{ DEMO_PATIENTS: '0' }, 'DEMO_PATIENTS'],
    [{ EMULATOR_PRINCIPALS: '/no/such/file.json' }, 'EMULATOR_PRINCIPALS'],
    [{ EMULATOR_LATENCY_MS: 'fast' }, 'EMULATOR_LATENCY_MS'],
    [{ EMULATOR_FAULTS: '{"not": "an array"}' }, 'EMULATOR_FAULTS'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ GRAPHIQL: 'sometimes' }, 'GRAPHIQL'],
    [{ UPSTREAM_TIMEOUT_MS: '5' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ CURSOR_SECRET: 'short' }, 'CURSOR_SECRET'],
  ])('refuses %j with one line naming %s', (env, variable) => {
    const message = messageOf(env as Record<string, string>);
    expect(message).toContain(variable);
    expect(message).not.toContain('\n');
  });

  it('never echoes a secret', () => {
    expect(messageOf({ CURSOR_SECRET: 'hunter2-secret' })).not.toContain('hunter2');
  });
});

describe('npm start with a bad variable', () => {
  it('exits non-zero with one line on stderr naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('PORT')]);
    expect(result.stdout).toBe('');
  });
});
