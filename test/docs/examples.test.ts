/**
 * Runs every ```graphql block of README.md and docs/*.md against the embedded emulator and its demo
 * data, the convention docs/examples.md states: a block runs as it stands, with the variables of a
 * ```json block right after it; each of its operations runs, by name.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kind, OperationTypeNode, parse, print, type OperationDefinitionNode } from 'graphql';
import type { RunningApp } from '../../src/app.js';
import { EXAMPLE_OPERATIONS } from '../../src/http/examples.js';
import { startTestApp } from '../helpers/app.js';
import { subscribe } from '../helpers/live-client.js';
import { fencedBlocks, PAGES, type FencedBlock } from './pages.js';

interface Example extends FencedBlock {
  variables: Record<string, unknown>;
  operations: OperationDefinitionNode[];
}

/** A page's graphql blocks; a json block right after one (a blank line at most between) holds its variables. */
function examplesOf(page: string): Example[] {
  const blocks = fencedBlocks(page);
  return blocks.flatMap((block, index) => {
    if (block.language !== 'graphql') return [];
    const next = blocks[index + 1];
    const variables = next?.language === 'json' && next.line - block.end <= 2 ? JSON.parse(next.text) : {};
    const operations = parse(block.text).definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    return [{ ...block, variables, operations }];
  });
}

const EXAMPLES = PAGES.flatMap(examplesOf);
const runs = EXAMPLES.flatMap((example) => example.operations.map((operation) => [
  `${example.page}:${example.line} ${operation.name?.value ?? `anonymous ${operation.operation}`}`, example, operation,
] as const));

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO_PATIENTS: '3' });
}, 60_000);
afterAll(() => app.close());

describe('the GraphQL examples of the docs', () => {
  it('are found', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(EXAMPLE_OPERATIONS.length);
  });

  it.each(runs)('%s runs on the demo data without errors', async (_name, example, operation) => {
    if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
      // Over WebSocket: accepted, it stays quiet until something changes (test/http/examples.test.ts sees an event arrive).
      const live = await subscribe(app, print(operation), example.variables);
      await expect(live.next(1_500)).rejects.toThrow('no subscription result in time');
      await live.close();
      return;
    }
    const response = await fetch(`${app.graph.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: example.text, variables: example.variables, operationName: operation.name?.value }),
    });
    const result = await response.json() as { data?: unknown; errors?: unknown };
    expect(result.errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect(JSON.stringify(result.data)).not.toMatch(/^\{"[^"]+":null\}$/);
  });
});

describe('the GraphiQL tabs in the docs', () => {
  const examplesPage = EXAMPLES.filter((example) => example.page === 'docs/examples.md').map((example) => example.text);

  it.each(EXAMPLE_OPERATIONS.map((tab) => [tab.name, tab] as const))('%s is on docs/examples.md verbatim', (_name, tab) => {
    expect(examplesPage).toContain(tab.query);
  });

  it('are shown as they are wherever a block uses a tab\'s operation name', () => {
    const tabs = new Map(EXAMPLE_OPERATIONS.map((tab) => [tab.name, tab.query]));
    const differing = EXAMPLES.flatMap((example) => example.operations
      .filter((operation) => tabs.has(operation.name?.value ?? '') && tabs.get(operation.name!.value) !== example.text)
      .map((operation) => `${example.page}:${example.line} ${operation.name!.value}`));
    expect(differing).toEqual([]);
  });
});
