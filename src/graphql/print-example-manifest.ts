/**
 * Prints the persisted query manifest of the GraphiQL example operations, the sample safelist:
 * `npx tsx src/graphql/print-example-manifest.ts > safelist.example.json`. A test keeps the committed
 * file in step with `http/examples.ts`.
 */
import { EXAMPLE_OPERATIONS } from '../http/examples.js';
import { buildManifest } from './persisted-query-manifest.js';

process.stdout.write(`${JSON.stringify(buildManifest(EXAMPLE_OPERATIONS), null, 2)}\n`);
