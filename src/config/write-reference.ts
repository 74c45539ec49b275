/** `npm run docs:config`: rewrites the variable tables of docs/configuration.md and README.md from the option table. */
import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED_PAGES, withGenerated } from './reference.js';

for (const { path, render } of GENERATED_PAGES) {
  const url = new URL(`../../${path}`, import.meta.url);
  writeFileSync(url, withGenerated(readFileSync(url, 'utf8'), render()));
}
