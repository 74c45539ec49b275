import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { FaultInjector, parseFaultRules, parseLatency, type FaultRule } from '../../src/emulator/faults.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { thrownBy } from '../helpers/errors.js';
import { Client, expectEnvelope, LOC, start } from './helpers.js';

describe('parseFaultRules', () => {
  it('parses every field', () => {
    const rules = parseFaultRules(
      JSON.stringify([
        { path: '/fhirStores/', method: 'get', rate: 0.5, status: 503, retryAfter: 2 },
        { path: '^/v1/.*:cancel$', rate: 1, status: 'reset' },
        { path: 'x', rate: 0, status: 'truncate' },
      ]),
    );
    expect(rules).toHaveLength(3);
    expect(rules[0]).toEqual({ path: /\/fhirStores\//, method: 'GET', rate: 0.5, status: 503, retryAfter: 2 });
    expect(rules[1]?.path.test('/v1/a/operations/1:cancel')).toBe(true);
    expect(rules[2]).toEqual({ path: /x/, rate: 0, status: 'truncate' });
    expect(parseFaultRules('[]')).toEqual([]);
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['{"path": "x"}', /JSON array/],
    ['[1]', /rule 0: expected an object/],
    ['[{"rate": 1, "status": 503}]', /rule 0: "path"/],
    ['[{"path": "(", "rate": 1, "status": 503}]', /rule 0: "path" is not a valid regular expression/],
    ['[{"path": "x", "rate": 2, "status": 503}]', /rule 0: "rate" must be a number from 0 to 1, got 2/],
    ['[{"path": "x", "rate": "1", "status": 503}]', /"rate"/],
    ['[{"path": "x", "rate": 1, "status": 404}]', /"status" must be one of/],
    ['[{"path": "x", "rate": 1, "status": 503, "retryAfter": -1}]', /"retryAfter"/],
    ['[{"path": "x", "rate": 1, "status": "reset", "retryAfter": 1}]', /"retryAfter" only applies/],
    ['[{"path": "x", "rate": 1, "status": 503, "methd": "GET"}]', /unknown field "methd"/],
    ['[{"path": "x", "rate": 1, "status": 503, "method": "G E T"}]', /"method"/],
    ['[{"path": "x", "rate": 1, "status": 503}, {"path": "y", "rate": 1}]', /^rule 1:/],
  ])('rejects %s with a one-line message', (json, message) => {
    const error = thrownBy(() => parseFaultRules(json));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/\n/);
  });

  it('keeps JSON syntax errors on one line even when the input spans lines', () => {
    expect(() => parseFaultRules('[\n{\n"path":\n}\n]')).toThrow(/^not valid JSON \([^\n]*\)$/);
  });
});

describe('rules limited by times', () => {
  it('fire the given number of times, then never again', () => {
    const [rule] = parseFaultRules('[{"path": "/x", "rate": 1, "status": 503, "times": 2}]');
    expect(rule?.times).toBe(2);
    const injector = new FaultInjector({ faults: [rule!] });
    expect([1, 2, 3, 4].map(() => injector.pick('GET', '/x')?.status)).toEqual([503, 503, undefined, undefined]);
  });

  it.each(['0', '1.5', '"2"'])('refuse times = %s', (times) => {
    expect(() => parseFaultRules(`[{"path": "x", "rate": 1, "status": 503, "times": ${times}}]`)).toThrow(/"times" must be a whole number/);
  });
});

describe('parseLatency', () => {
  it('parses a fixed value and a range', () => {
    expect(parseLatency('20')).toEqual({ minMs: 20, maxMs: 20 });
    expect(parseLatency('10-40')).toEqual({ minMs: 10, maxMs: 40 });
    expect(parseLatency(' 0 - 5 ')).toEqual({ minMs: 0, maxMs: 5 });
  });

  it.each(['', 'fast', '-5', '10-', '40-10', '1.5', '10-20-30'])('rejects %j with a one-line message', (text) => {
    const error = thrownBy(() => parseLatency(text));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toMatch(/\n/);
  });
});

describe('FaultInjector', () => {
  const rule = (over: Partial<FaultRule>): FaultRule => ({ path: /.*/, rate: 1, status: 503, ...over });

  it('tries rules in order and takes the first matching rule whose draw hits', () => {
    const draws = [0.9, 0.1];
    const injector = new FaultInjector({
      faults: [
        rule({ path: /other/, status: 429 }),
        rule({ path: /stores/, rate: 0.5, status: 500 }),
        rule({ path: /stores/, rate: 0.5, status: 'reset' }),
      ],
      random: () => draws.shift() ?? 0,
    });
    // The first rule does not match (no draw); the second draws 0.9 (miss); the third draws 0.1 (hit).
    expect(injector.pick('GET', '/v1/datasets/d/stores')?.status).toBe('reset');
    expect(draws).toEqual([]);
  });

  it('honours the method filter and resets stateful regexes', () => {
    const injector = new FaultInjector({ faults: [rule({ path: /a/g, method: 'POST' })] });
    expect(injector.pick('GET', '/a')).toBeUndefined();
    expect(injector.pick('post', '/a')?.status).toBe(503);
    expect(injector.pick('POST', '/a')?.status).toBe(503);
  });

  it('never fires rate 0 and always fires rate 1', () => {
    const injector = new FaultInjector({ faults: [rule({ rate: 0 })], random: () => 0 });
    expect(injector.pick('GET', '/')).toBeUndefined();
    injector.faults = [rule({ rate: 1 })];
    expect(injector.pick('GET', '/')).toBeDefined();
  });

  it('draws latency uniformly within the range and sleeps that long', async () => {
    const slept: number[] = [];
    let next = 0;
    const injector = new FaultInjector({
      latency: { minMs: 10, maxMs: 40 },
      random: () => next,
      sleep: async (ms) => void slept.push(ms),
    });
    next = 0;
    await injector.delay();
    next = 0.999999;
    await injector.delay();
    next = 0.5;
    await injector.delay();
    expect(slept).toEqual([10, 40, 25]);
    injector.latency = undefined;
    await injector.delay();
    expect(slept).toHaveLength(3);
  });
});

describe('faults over HTTP', () => {
  let emulator: RunningEmulator;
  let api: Client;
  let draws = 0;

  beforeAll(async () => {
    emulator = await start({
      faults: [
        { path: /\/datasets\/unavailable$/, rate: 1, status: 503, retryAfter: 7 },
        { path: /\/datasets\/quota$/, method: 'GET', rate: 1, status: 429 },
        { path: /\/datasets\/broken$/, rate: 1, status: 500 },
        { path: /\/datasets\/reset$/, rate: 1, status: 'reset' },
        { path: /\/datasets\/truncated$/, rate: 1, status: 'truncate' },
        { path: /\/datasets\/never$/, rate: 0, status: 503 },
      ],
      random: () => {
        draws += 1;
        return 0.5;
      },
    });
    api = new Client(emulator);
    for (const id of ['quota', 'truncated', 'never', 'fine']) await api.call('POST', `${LOC}/datasets?datasetId=${id}`);
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('answers 503 UNAVAILABLE with Retry-After', async () => {
    const res = await api.get(`${LOC}/datasets/unavailable`);
    expectEnvelope(res, 503, 'UNAVAILABLE');
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it('answers 429 RESOURCE_EXHAUSTED and 500 INTERNAL, without Retry-After when none is set', async () => {
    const quota = await api.get(`${LOC}/datasets/quota`);
    expectEnvelope(quota, 429, 'RESOURCE_EXHAUSTED');
    expect(quota.headers.get('retry-after')).toBeNull();
    expectEnvelope(await api.get(`${LOC}/datasets/broken`), 500, 'INTERNAL');
  });

  it('limits a rule to its method', async () => {
    expect((await api.call('PATCH', `${LOC}/datasets/quota?updateMask=timeZone`, { timeZone: 'UTC' })).status).toBe(200);
  });

  it('resets the connection without a response', async () => {
    await expect(fetch(`${emulator.url}/v1/${LOC}/datasets/reset`)).rejects.toThrow();
  });

  it('truncates the body after declaring its full length', async () => {
    const outcome = await new Promise<{ declared: number; received: number; aborted: boolean }>((resolve) => {
      const req = request(`${emulator.url}/v1/${LOC}/datasets/truncated`, (res) => {
        let received = 0;
        const declared = Number(res.headers['content-length']);
        res.on('data', (chunk: Buffer) => (received += chunk.length));
        res.on('end', () => resolve({ declared, received, aborted: false }));
        res.on('error', () => resolve({ declared, received, aborted: true }));
        res.on('aborted', () => resolve({ declared, received, aborted: true }));
      });
      req.on('error', () => resolve({ declared: -1, received: -1, aborted: true }));
      req.end();
    });
    expect(outcome.aborted).toBe(true);
    expect(outcome.declared).toBeGreaterThan(0);
    expect(outcome.received).toBe(Math.floor(outcome.declared / 2));
    // fetch surfaces the same thing as a failed body read.
    const res = await fetch(`${emulator.url}/v1/${LOC}/datasets/truncated`);
    await expect(res.text()).rejects.toThrow();
  });

  it('leaves non-matching paths and rate-0 rules alone', async () => {
    expect((await api.get(`${LOC}/datasets/fine`)).status).toBe(200);
    expect((await api.get(`${LOC}/datasets/never`)).status).toBe(200);
  });

  it('applies changes to the live rule list to the next request', async () => {
    emulator.faults.push({ path: /\/datasets\/fine$/, rate: 1, status: 500 });
    expectEnvelope(await api.get(`${LOC}/datasets/fine`), 500, 'INTERNAL');
    emulator.faults.pop();
    expect((await api.get(`${LOC}/datasets/fine`)).status).toBe(200);
  });

  it('draws latency for every response once a latency is set', async () => {
    emulator.latency = { minMs: 1, maxMs: 1 };
    try {
      const before = draws;
      await api.get(`${LOC}/datasets/fine`); // no rule matches: one latency draw
      await api.get(`${LOC}/datasets/nope-at-all/x/y`); // HTML 404: one latency draw
      expect(draws - before).toBe(2);
    } finally {
      emulator.latency = undefined;
    }
    const before = draws;
    await api.get(`${LOC}/datasets/fine`);
    expect(draws).toBe(before);
  });
});
