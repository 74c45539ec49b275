import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../observability/logger.js';

/** The same relative path from src/http (tsx) and dist/http (built). */
const WEB_ROOT = fileURLToPath(new URL('../../examples/web/', import.meta.url));

interface DemoPage {
  html: string;
  policy: string;
}

let page: Promise<DemoPage> | undefined;

/**
 * `GET /demo`: the demo app of examples/web as one page. esbuild bundles it on the first request
 * (a fraction of a second) and the page is kept in memory, so a fresh clone needs no build step.
 * Its script and styles are inline and allowed by their hashes alone: like GraphiQL, the page loads
 * nothing from another origin, and no script or style injected into it would run.
 */
export async function serveDemoApp(request: IncomingMessage, response: ServerResponse, logger: Logger): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    response.end('Only GET and HEAD\n');
    return;
  }
  let built: DemoPage;
  try {
    // A failed build is not kept: after a fix to the sources, a reload tries again.
    page ??= buildPage().catch((error: unknown) => {
      page = undefined;
      throw error;
    });
    built = await page;
  } catch (error) {
    // An installation without the sources or esbuild (the production image) has no demo app.
    logger.warn({ err: error }, 'demo app unavailable');
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The demo app is not available: the server builds it from examples/web with esbuild, which needs a source checkout with dev dependencies (see the log).\n');
    return;
  }
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': built.policy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : built.html);
}

async function buildPage(): Promise<DemoPage> {
  // Imported here, not at the top: the server must start where esbuild (a build tool) is absent.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: WEB_ROOT,
    entryPoints: ['src/main.ts', 'src/styles.css'],
    outdir: 'out',
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = (name: string): string => {
    const file = result.outputFiles.find((candidate) => candidate.path.endsWith(name));
    if (!file) throw new Error(`esbuild wrote no ${name}`);
    return file.text;
  };
  const script = output('main.js');
  const styles = output('styles.css');
  // esbuild escapes these in strings; anything left would end the inline element early.
  if (/<\/script/i.test(script) || /<\/style/i.test(styles)) throw new Error('the bundle cannot be inlined');

  const template = await readFile(`${WEB_ROOT}index.html`, 'utf8');
  const html = inline(inline(template,
    '<link rel="stylesheet" href="styles.css">', `<style>${styles}</style>`),
    '<script type="module" src="main.js"></script>', `<script type="module">${script}</script>`);
  const policy = [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(styles)}'`,
    // data: for the page's empty icon, which saves a request for /favicon.ico.
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, policy };
}

function inline(template: string, tag: string, replacement: string): string {
  if (!template.includes(tag)) throw new Error(`examples/web/index.html lacks ${tag}`);
  // A function, so that `$&` and the like in the bundle are not read as replacement patterns.
  return template.replace(tag, () => replacement);
}

const sha256 = (text: string): string => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
