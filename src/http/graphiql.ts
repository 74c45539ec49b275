import { gzipSync } from 'node:zlib';
import { EXAMPLE_OPERATIONS } from './examples.js';

/**
 * Everything the page loads is inline (GraphiQL, Monaco and its workers as blob URLs), so it works
 * offline and on clinic networks without a CDN. The policy below makes the browser enforce that:
 * no script, style, font, image or request may come from another origin.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' blob:",
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface GraphiQLPage {
  html: Buffer;
  gzip: Buffer;
}

let page: Promise<GraphiQLPage> | undefined;

/**
 * The GraphiQL page, rendered and compressed once (it is about 9 MB of inline JavaScript). The
 * renderer is loaded on the first request: a server nobody opens GraphiQL on never holds it (~40 MB).
 */
export function graphiqlPage(): Promise<GraphiQLPage> {
  page ??= render();
  return page;
}

async function render(): Promise<GraphiQLPage> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const html = Buffer.from(renderGraphiQL({
    title: 'Healthcare Graph',
    endpoint: '/graphql',
    // Subscriptions over graphql-ws on the same URL (ws:// or wss:// as the page's own scheme).
    subscriptionsProtocol: 'WS',
    defaultTabs: EXAMPLE_OPERATIONS.map(({ query, variables }) => ({ query, variables: variables && JSON.stringify(variables, null, 2) })),
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    schemaDescription: true,
  }), 'utf8');
  return { html, gzip: gzipSync(html) };
}
