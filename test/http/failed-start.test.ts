import { createServer, type Server } from 'node:net';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import type { ApolloServerPlugin } from '@apollo/server';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { ContextDependencies } from '../../src/graphql/context.js';
import { createGraphQLServer } from '../../src/graphql/server.js';
import { startGraphServer } from '../../src/http/server.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';

/** Something else listening on a port for the test's duration. */
async function occupy(port = 0): Promise<Server & { port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return Object.assign(server, { port: (server.address() as { port: number }).port });
}

const release = (server: Server) => new Promise((resolve) => server.close(resolve));

/** Nothing listens on the port; with connection refused, fetch rejects. */
const refuses = (port: number) => expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();

describe('a start that fails because the graph port is taken', () => {
  it('rejects, with the emulator closed and the demo load stopped before it', async () => {
    const taken = await occupy();
    const emulatorPort = await occupy().then(async (free) => (await release(free), free.port));
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } }));
    try {
      const config = loadConfig({ PORT: String(taken.port), HOST: '127.0.0.1', EMULATOR_PORT: String(emulatorPort), DEMO_PATIENTS: '3' });
      await expect(startApp(config, { logger })).rejects.toThrow(/EADDRINUSE/);
      await refuses(emulatorPort);
      // A demo load left running would fail against the closed emulator at its next upload, and log it.
      await sleep(500);
      expect(lines.map((line) => JSON.parse(line)).filter(({ level }) => level >= 40).map(({ msg }) => msg)).toEqual([]);
    } finally {
      await release(taken);
    }
  });

  it('stops the Apollo server it started before listening', async () => {
    const taken = await occupy();
    const logger = createLogger('silent');
    const metrics = createMetrics();
    const apollo = createGraphQLServer({ logger, metrics, production: false, introspection: true, limits: loadConfig({}).limits });
    const lifecycle: string[] = [];
    const recorder: ApolloServerPlugin = {
      async serverWillStart() {
        lifecycle.push('started');
        return { async serverWillStop() { lifecycle.push('stopped'); } };
      },
    };
    apollo.addPlugin(recorder);
    try {
      await expect(startGraphServer({
        port: taken.port,
        host: '127.0.0.1',
        apollo,
        // Only requests read the context, and none arrives.
        context: {} as ContextDependencies,
        metrics,
        logger,
        graphiql: false,
        maxInFlight: 1,
        readiness: async () => ({ ready: true, detail: 'not asked' }),
      })).rejects.toThrow(/EADDRINUSE/);
      expect(lifecycle).toEqual(['started', 'stopped']);
    } finally {
      await release(taken);
    }
  });
});
