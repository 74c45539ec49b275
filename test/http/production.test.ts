import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { graphql, startTestApp } from '../helpers/app.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production' });
});
afterAll(() => app.close());

describe('NODE_ENV=production', () => {
  it('refuses introspection', async () => {
    const result = await graphql(app, '{ __schema { types { name } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives no field suggestions and no stack traces', async () => {
    const result = await graphql(app, '{ datasett { nodes { name } } }');
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const failing = await graphql(app, '{ dataset(id: "no-such") { name } }');
    expect(failing.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });
});
