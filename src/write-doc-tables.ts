/** `npm run docs:tables`: rewrites the generated reference tables of the docs (see `doc-tables.ts`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED_PAGES, withGenerated } from './doc-tables.js';

for (const { path, render } of GENERATED_PAGES) {
  const url = new URL(`../${path}`, import.meta.url);
  writeFileSync(url, withGenerated(readFileSync(url, 'utf8'), render()));
}
