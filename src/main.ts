/** `npm start`: the graph, and the embedded emulator when no Google project is configured. */
import { startApp } from './app.js';
import { MissingResourceError } from './access/startup-check.js';
import { ConfigError, loadConfig } from './config/index.js';
import { createLogger } from './observability/logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  let app;
  try {
    app = await startApp(config, { logger });
  } catch (error) {
    if (!(error instanceof MissingResourceError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }

  const lines = [`Healthcare Graph: ${app.graph.url}/graphql (open it in a browser for GraphiQL)`];
  if (app.emulator) lines.push(`Cloud Healthcare API emulator: ${app.apiUrl} (demo dataset projects/${config.project}/locations/${config.location}/datasets/demo)`);
  else lines.push(`Upstream: ${app.apiUrl} (project ${config.project}, location ${config.location}, auth ${config.authMode})`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (app.demo) {
    const started = Date.now();
    process.stdout.write(`Loading the demo cohort (${config.demoPatients} patients)...\n`);
    app.demo.then(
      (loaded) => process.stdout.write(loaded.skipped
        ? 'Demo data: already loaded (kept from EMULATOR_DATA_DIR).\n'
        : `Demo data ready: ${loaded.fhirResources} FHIR resources, ${loaded.dicomInstances} DICOM instances, ${loaded.hl7v2Messages} HL7v2 messages in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`),
      () => process.stdout.write('Demo data failed to load: see the log.\n'),
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    app.close().then(() => process.exit(0), (error: unknown) => {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Healthcare Graph failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
