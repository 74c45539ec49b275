/**
 * Renders the Markdown report of a saved JSON report: `npx tsx bench/src/render.ts bench/results/runs/<run>.json`.
 */
import { readFileSync } from 'node:fs';
import { renderMarkdown } from './report.js';
import type { BenchReport } from './results.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: tsx bench/src/render.ts <report.json>\n');
  process.exit(2);
}
process.stdout.write(renderMarkdown(JSON.parse(readFileSync(file, 'utf8')) as BenchReport));
