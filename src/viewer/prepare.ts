/**
 * Prepares the built-in viewer: OHIF's published build (`@ohif/app`, whose package holds the built
 * app in `dist/`), fetched with `npm pack` from the npm registry, unpacked into `VIEWER_DIR`
 * (git-ignored `vendor/ohif` by default), and moved from `/` to `/viewer`. About 50 MB to download,
 * so it is not part of `npm ci`. Does nothing when that version is already there.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The OHIF release the viewer is built from; its app-config keys are what viewer-config.ts writes. */
export const OHIF_VERSION = '3.13.2';
/** Bumped when the preparation changes, so that an older preparation is done again. */
const PREPARATION = 3;
const MARKER = '.healthcare-graph-viewer';
/** The public path the build's bundles (the app's and its workers') load their chunks and WebAssembly from. */
const BUNDLE_PUBLIC_PATH = '__webpack_require__.p = "/";';

/** Moves an OHIF build's page made for `/` to `basePath`: its links and its runtime PUBLIC_URL (the bundles' public path is moved below). */
export function rebaseIndexHtml(html: string, basePath: string): string {
  return html
    .replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${basePath}/`)
    .replace(/window\.PUBLIC_URL="\/"/g, `window.PUBLIC_URL="${basePath}/"`)
    // Its service worker would load Workbox from a Google CDN; the viewer works without it.
    .replace(/<script[^>]*init-service-worker\.js"><\/script>/, '');
}

/** Prepares `dir` (absolute) unless it already holds this version; returns whether it did any work. */
export async function prepareViewer(dir: string, basePath = '/viewer'): Promise<boolean> {
  const marker = join(dir, MARKER);
  if (existsSync(marker) && (await readFile(marker, 'utf8')).trim() === `${OHIF_VERSION} ${PREPARATION}`) return false;
  const work = await mkdtemp(join(tmpdir(), 'ohif-'));
  try {
    const { stdout } = await run('npm', ['pack', `@ohif/app@${OHIF_VERSION}`, '--silent', '--pack-destination', work], { maxBuffer: 16 * 1024 * 1024 });
    const tarball = join(work, stdout.trim().split('\n').at(-1)!);
    await run('tar', ['-xzf', tarball, '-C', work]);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dirname(dir), { recursive: true });
    await rename(join(work, 'package', 'dist'), dir);
    const index = join(dir, 'index.html');
    await writeFile(index, rebaseIndexHtml(await readFile(index, 'utf8'), basePath));
    for (const name of (await readdir(dir)).filter((file) => file.endsWith('.js') || file.endsWith('.css'))) {
      const file = join(dir, name);
      const code = await readFile(file, 'utf8');
      const rebased = name.endsWith('.css')
        ? code.replace(/url\(\/(?!\/)/g, `url(${basePath}/`) // fonts
        : code.replaceAll(BUNDLE_PUBLIC_PATH, `__webpack_require__.p = "${basePath}/";`);
      if (rebased !== code) await writeFile(file, rebased);
    }
    await writeFile(marker, `${OHIF_VERSION} ${PREPARATION}\n`);
    return true;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const dir = resolve(process.env['VIEWER_DIR'] ?? 'vendor/ohif');
  prepareViewer(dir).then(
    (worked) => console.log(worked ? `Prepared OHIF ${OHIF_VERSION} in ${dir}; npm start serves it at /viewer.` : `OHIF ${OHIF_VERSION} is already prepared in ${dir}.`),
    (error: unknown) => {
      console.error(`Preparing the viewer failed: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
