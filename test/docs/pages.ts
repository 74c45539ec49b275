import { readdirSync, readFileSync } from 'node:fs';

/** The documentation pages, relative to the repository root: the README, the changelog and docs/*.md. */
export const PAGES = ['README.md', 'CHANGELOG.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];

export const readPage = (path: string): string => readFileSync(path, 'utf8');

export interface FencedBlock {
  page: string;
  /** 1-based lines of the opening and the closing fence. */
  line: number;
  end: number;
  language: string;
  /** The lines between the fences, each ending with a newline. */
  text: string;
}

/** The fenced code blocks of a page, in order (fences start a line: ```lang … ```). */
export function fencedBlocks(page: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: FencedBlock | undefined;
  readPage(page).split('\n').forEach((line, index) => {
    if (open === undefined) {
      const fence = /^```(\S*)\s*$/.exec(line);
      if (fence) open = { page, line: index + 1, end: 0, language: fence[1]!, text: '' };
    } else if (/^```\s*$/.test(line)) {
      blocks.push({ ...open, end: index + 1 });
      open = undefined;
    } else {
      open.text += `${line}\n`;
    }
  });
  return blocks;
}

/** A page's prose: fenced blocks and inline code left out, so that neither is read as a link or heading. */
export function prose(page: string): string {
  return readPage(page)
    .split(/^```[^\n]*\n[\s\S]*?^```\s*$/m)
    .join('')
    .replace(/`[^`\n]*`/g, 'code');
}
