import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { PAGES, prose } from './pages.js';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string): string => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');

const anchorsOf = (page: string): string[] => [...prose(page).matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1]!.replace(/code/g, '')));

/** Relative link targets of a page (images included); web addresses and mail links are left out. */
const relativeLinks = (page: string): string[] =>
  [...prose(page).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z][a-z+.-]*:/i.test(target));

describe('relative links of the docs', () => {
  it.each(PAGES)('%s links only to files and headings that exist', (page) => {
    const broken = relativeLinks(page).filter((target) => {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? page : normalize(join(dirname(page), path));
      if (!existsSync(file)) return true;
      return anchor !== undefined && file.endsWith('.md') && !anchorsOf(file).includes(anchor);
    });
    expect(broken).toEqual([]);
  });
});
