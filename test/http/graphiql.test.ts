import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningApp } from '../../src/app.js';
import { startTestApp } from '../helpers/app.js';

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('GraphiQL', () => {
  it('is served as one self-contained HTML page that loads nothing from another origin', async () => {
    const response = await fetch(`${app.graph.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<div id="root">');
    expect(html).toContain('Healthcare Graph');
    // Attributes that load something: every src/href must be same-origin, data: or blob:.
    const loaded = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((match) => match[1]!);
    expect(loaded.filter((url) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url))).toEqual([]);
    expect([...html.matchAll(/<script[^>]+src=/gi)]).toEqual([]);
    expect([...html.matchAll(/<link[^>]+rel=["']stylesheet/gi)]).toEqual([]);
  });

  it('is locked to its own origin by a Content-Security-Policy', async () => {
    const response = await fetch(`${app.graph.url}/graphql`, { headers: { accept: 'text/html' } });
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/https?:/);
  });

  it('is compressed for browsers that accept gzip', async () => {
    const response = await fetch(`${app.graph.url}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect((await response.text()).length).toBeGreaterThan(1_000_000);
  });

  it('is off in production unless GRAPHIQL=true', async () => {
    const production = await startTestApp({ NODE_ENV: 'production' });
    try {
      const response = await fetch(`${production.graph.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await response.text()).not.toContain('<div id="root">');
    } finally {
      await production.close();
    }
  });
});
