import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql, upstreamCalls } from '../helpers/app.js';
import { DEMO_FHIR_STORE } from '../helpers/demo-names.js';
import { setFaults } from './emulator-control.js';
import { startStack, type Stack } from './stack.js';

/**
 * Creates whose answer comes too late: the emulator stores the resource, then holds the answer back
 * past UPSTREAM_TIMEOUT_MS (a `delay` rule on POST only). A retry could store it twice.
 */

const CREATE = 'mutation($input: CreateFhirResourceInput!) { createFhirResource(input: $input) { created resource { resourceId } } }';
const SLOW_POST = { path: '/fhir/Organization$', method: 'POST', rate: 1, status: 'delay', delayMs: 1500 };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ patients: 0, env: { UPSTREAM_TIMEOUT_MS: '300', UPSTREAM_RETRIES: '3' } });
}, 60_000);
afterAll(() => stack?.close());

const posts = () => upstreamCalls(stack.app, { method: 'POST' });

/** Organizations with this identifier, counted by the emulator itself. */
async function stored(value: string): Promise<string[]> {
  const response = await fetch(`${stack.emulator.url}/v1/${DEMO_FHIR_STORE}/fhir/Organization?identifier=urn:hardening|${value}`);
  const bundle = (await response.json()) as { entry?: { resource: { id: string } }[] };
  return (bundle.entry ?? []).map((entry) => entry.resource.id);
}

const organization = (value: string) => ({ resourceType: 'Organization', name: value, identifier: [{ system: 'urn:hardening', value }] });

describe('a create that times out', () => {
  it('is not sent again when plain, so it is stored once and reported as unavailable', async () => {
    await setFaults(stack.emulator.url, [SLOW_POST]);
    const before = await posts();
    try {
      const result = await graphql(stack.app, CREATE, { input: { store: DEMO_FHIR_STORE, resource: organization('plain') } });
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    } finally {
      await setFaults(stack.emulator.url, []);
    }
    expect(await posts()).toBe(before + 1);
    // The write happened although its answer never arrived: the client must not assume otherwise.
    expect(await stored('plain')).toHaveLength(1);
  });

  it('is sent again when conditional, finding the resource its first attempt stored', async () => {
    await setFaults(stack.emulator.url, [{ ...SLOW_POST, times: 1 }]);
    const before = await posts();
    try {
      const result = await graphql(stack.app, CREATE, {
        input: { store: DEMO_FHIR_STORE, resource: organization('conditional'), ifNoneExist: 'identifier=urn:hardening|conditional' },
      });
      expect(result.errors).toBeUndefined();
      const ids = await stored('conditional');
      expect(ids).toHaveLength(1);
      expect(result.data.createFhirResource).toEqual({ created: false, resource: { resourceId: ids[0] } });
    } finally {
      await setFaults(stack.emulator.url, []);
    }
    expect(await posts()).toBe(before + 2);
  });
});
