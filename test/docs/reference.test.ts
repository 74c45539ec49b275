/** The reference tables of the docs against the code they describe. */
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/index.js';
import { OPTIONS } from '../../src/config/options.js';
import { GENERATED_PAGES, withGenerated } from '../../src/doc-tables.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { readPage } from './pages.js';

/** The names `loadConfig` looks up in an environment built from `env`. */
function variablesRead(env: Record<string, string>): Set<string> {
  const names = new Set<string>();
  loadConfig(new Proxy(env, {
    get: (target, name) => {
      if (typeof name === 'string') names.add(name);
      return target[name as string];
    },
  }));
  return names;
}

describe('the configuration tables', () => {
  it.each(GENERATED_PAGES.map((page) => [page.path, page] as const))('%s holds the current tables (npm run docs:tables writes them)', (path, page) => {
    const text = readPage(path);
    expect(text).toBe(withGenerated(text, page.render()));
  });

  it('documents exactly the variables loadConfig reads', () => {
    const documented = Object.values(OPTIONS).map((option) => option.env).sort();
    expect([...variablesRead({})].sort()).toEqual(documented);
    expect([...variablesRead({ HEALTHCARE_PROJECT: 'my-project', AUTH_MODE: 'passthrough', NODE_ENV: 'production' })].sort()).toEqual(documented);
  });
});

describe('docs/operations.md', () => {
  it('lists every metric of the graph once, with its labels', () => {
    const metrics = createMetrics();
    const ours = Object.values(metrics)
      .filter((metric) => metric !== metrics.registry)
      .map((metric: any) => `${metric.name} ${[...metric.labelNames].join(',')}`)
      .sort();
    const section = readPage('docs/operations.md').split('## Metrics')[1]!;
    const documented = [...section.matchAll(/^\| `(\w+)` \| ([^|]*) \|/gm)]
      .map(([, name, labels]) => `${name} ${[...labels!.matchAll(/`(\w+)`/g)].map((label) => label[1]).join(',')}`)
      .sort();
    expect(documented).toEqual(ours);
  });
});
