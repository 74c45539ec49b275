/** The variable tables of docs/configuration.md and README.md, rendered from the option table. */
import { cell, table } from '../doc-tables.js';
import { OPTION_GROUPS, OPTIONS, type OptionDoc } from './options.js';

/** Every variable: one table per option group, each under a `###` heading (docs/configuration.md). */
export function renderOptionTables(): string {
  return OPTION_GROUPS.map(({ title, options }) => {
    const rows = Object.values<OptionDoc>(options).map(
      (option) => `| \`${option.env}\` | ${cell(option.doc)} | ${cell(option.values)} | ${cell(option.defaultDoc)} |`,
    );
    return `### ${title}\n\n${table('| variable | meaning | values | default |', rows)}`;
  }).join('\n\n');
}

/** The main variables, those with a `summary` (README.md). */
export function renderMainOptionsTable(): string {
  const main = Object.values<OptionDoc>(OPTIONS).filter((option) => option.summary !== undefined);
  return table('| variable | what | default |', main.map((option) => `| \`${option.env}\` | ${cell(option.summary!)} | ${cell(option.defaultDoc)} |`));
}
