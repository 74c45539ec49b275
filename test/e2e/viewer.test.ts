/**
 * OHIF's published build (`@ohif/app` 3.13.2, prepared from npm as `npm run viewer:prepare` does)
 * served by the graph at /viewer, in Debian's headless Chromium, against the graph's DICOMweb
 * endpoint over the embedded emulator enforcing Cloud IAM: in passthrough mode with a test
 * principal's token (given to the viewer as `?token=`), and in ADC mode, where the graph's own
 * Application Default Credentials come from a stand-in metadata server on loopback. In both, the
 * study list fills, the study a `Study.viewerUrl` links to opens and its image is drawn (the
 * canvas's pixels, not blank), no request fails and none leaves loopback; a store off the
 * allow-list is refused with no upstream call. Needs `apt-get install chromium` and the npm
 * registry (the first run downloads about 50 MB into vendor/ohif).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../src/app.js';
import { prepareViewer } from '../../src/viewer/prepare.js';
import { countUpstreamCalls, graphql, startTestApp } from '../helpers/app.js';
import { DEMO_DATASET, DEMO_DICOM_STORE } from '../helpers/demo-names.js';
import { chromiumSuite, launchChromium } from './chromium.js';

const suite = chromiumSuite('test/e2e/viewer');

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const VIEWER_DIR = resolve('vendor/ohif');
const TOKENS = { root: 'viewer-e2e-root', reader: 'viewer-e2e-reader', adc: 'viewer-e2e-adc' };
const DISALLOWED_STORE = `${DEMO_DATASET}/dicomStores/not-allowed`;

let browser: Browser;

/** A principals file: root administers, the reader gets dicomViewer below, the ADC identity is the server's. */
function principalsFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'viewer-e2e-')), 'principals.json');
  writeFileSync(file, JSON.stringify({
    tokens: { [TOKENS.root]: 'user:root@example.com', [TOKENS.reader]: 'user:reader@example.com', [TOKENS.adc]: 'serviceAccount:graph@demo.iam.gserviceaccount.com' },
    admins: ['user:root@example.com', 'serviceAccount:graph@demo.iam.gserviceaccount.com'],
  }));
  return file;
}

/** What one visit in a fresh browser context saw. */
interface Visit {
  page: Page;
  failed: string[];
  offLoopback: string[];
  close(): Promise<void>;
}

async function visit(): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const failed: string[] = [];
  const offLoopback: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.hostname !== '127.0.0.1') offLoopback.push(request.url());
  });
  context.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  context.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: ${response.status()}`);
  });
  const page = await context.newPage();
  return { page, failed, offLoopback, close: () => context.close() };
}

/** The canvas OHIF draws the image into has pixels other than black, in many shades. */
async function imageDrawn(page: Page): Promise<{ lit: number; shades: number }> {
  await page.waitForFunction(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.cornerstone-canvas');
    const context = canvas && canvas.width > 0 ? canvas.getContext('2d') : null;
    if (!context) return false;
    const data = context.getImageData(0, 0, canvas!.width, canvas!.height).data;
    let lit = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! > 16 || data[i + 1]! > 16 || data[i + 2]! > 16) lit += 1;
    return lit > (data.length / 4) * 0.01;
  }, undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.cornerstone-canvas')!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const shades = new Set<number>();
    let lit = 0;
    for (let i = 0; i < data.length; i += 4) {
      shades.add(data[i]!);
      if (data[i]! > 16 || data[i + 1]! > 16 || data[i + 2]! > 16) lit += 1;
    }
    return { lit, shades: shades.size };
  });
}

/** The demo store's studies with their viewer links, as the demo chart gets them. */
async function studies(app: RunningApp, headers: Record<string, string>): Promise<{ description: string; viewerUrl: string }[]> {
  const result = await graphql(app, `{ dicomStore(name: "${DEMO_DICOM_STORE}") { studies(first: 3) { nodes { description viewerUrl } } } }`, {}, headers);
  expect(result.errors).toBeUndefined();
  return result.data.dicomStore.studies.nodes;
}

/** Opens the study list and then a study's viewer link; returns what the visit saw. */
async function listAndOpen(app: RunningApp, headers: Record<string, string>, token: string | undefined, name: string): Promise<Visit & { drawn: { lit: number; shades: number } }> {
  const [first] = await studies(app, headers);
  expect(first!.viewerUrl).toMatch(new RegExp(`^${app.graph.url}/viewer/viewer\\?StudyInstanceUIDs=`));
  const seen = await visit();
  const { page } = seen;
  await page.goto(`${app.graph.url}/viewer/${token === undefined ? '' : `?token=${token}`}`);
  // The study list shows each study's description (OHIF's column widths hide the MRN).
  await page.getByText(first!.description).first().waitFor({ timeout: 60_000 });
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}ohif-${name}-list.png` });
  await page.goto(first!.viewerUrl);
  const drawn = await imageDrawn(page);
  await page.screenshot({ path: `${ARTIFACTS}ohif-${name}-study.png` });
  return { ...seen, drawn };
}

/** The list fills, the study opens and its image is drawn in many shades; nothing failed or left loopback. */
async function expectStudyShown(app: RunningApp, headers: Record<string, string>, token: string | undefined, name: string): Promise<void> {
  const seen = await listAndOpen(app, headers, token, name);
  try {
    expect(seen.drawn.shades).toBeGreaterThan(16);
    expect(seen.failed).toEqual([]);
    expect(seen.offLoopback).toEqual([]);
  } finally {
    await seen.close();
  }
}

suite('OHIF\'s published build against the graph\'s DICOMweb endpoint', () => {
  beforeAll(async () => {
    await prepareViewer(VIEWER_DIR);
    browser = await launchChromium();
  }, 300_000);
  afterAll(() => browser?.close());

  describe('passthrough: the viewer forwards a test principal\'s token', () => {
    let app: RunningApp;
    const reader = { authorization: `Bearer ${TOKENS.reader}` };
    beforeAll(async () => {
      app = await startTestApp({ AUTH_MODE: 'passthrough', EMULATOR_PRINCIPALS: principalsFile(), ALLOWED_DICOM_STORES: 'dicom', VIEWER_DIR, DEMO_PATIENTS: '3' });
      for (const resource of [DEMO_DICOM_STORE, `${DEMO_DATASET}/fhirStores/fhir`]) {
        const role = resource.includes('dicom') ? 'roles/healthcare.dicomViewer' : 'roles/healthcare.fhirResourceReader';
        const grant = await graphql(app, 'mutation($input: SetIamPolicyInput!) { setIamPolicy(input: $input) { etag } }', {
          input: { resource, bindings: [{ role, members: ['user:reader@example.com'] }] },
        }, { authorization: `Bearer ${TOKENS.root}` });
        expect(grant.errors).toBeUndefined();
      }
    }, 120_000);
    afterAll(() => app?.close());

    it('lists the studies, opens one from its viewerUrl and draws its image, all on loopback with no failed request', async () => {
      await expectStudyShown(app, reader, TOKENS.reader, 'passthrough');
    });

    it('is refused a store off the allow-list, with no upstream call', async () => {
      const seen = await visit();
      try {
        const { result, calls } = await countUpstreamCalls(app, async () => {
          const answer = seen.page.waitForResponse((response) => response.url().includes('/dicomStores/not-allowed/dicomWeb/studies'));
          await seen.page.goto(`${app.graph.url}/viewer/?store=${encodeURIComponent(DISALLOWED_STORE)}&token=${TOKENS.reader}`);
          return answer;
        });
        expect(result.status()).toBe(403);
        expect(((await result.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
        expect(calls).toBe(0);
        expect(seen.offLoopback).toEqual([]);
      } finally {
        await seen.close();
      }
    });
  });

  describe('ADC: the graph calls with its own credentials', () => {
    let app: RunningApp;
    let metadata: Server;
    const saved = { ...process.env };
    beforeAll(async () => {
      // A stand-in for the GCE metadata server, which google-auth-library asks for ADC tokens.
      metadata = createServer((request, response) => {
        response.setHeader('metadata-flavor', 'Google');
        if (request.url?.startsWith('/computeMetadata/v1/instance/service-accounts/default/token')) {
          response.setHeader('content-type', 'application/json');
          response.end(JSON.stringify({ access_token: TOKENS.adc, expires_in: 3600, token_type: 'Bearer' }));
        } else {
          response.end('demo');
        }
      });
      await new Promise<void>((done) => metadata.listen(0, '127.0.0.1', done));
      delete process.env['GOOGLE_APPLICATION_CREDENTIALS'];
      process.env['CLOUDSDK_CONFIG'] = mkdtempSync(join(tmpdir(), 'no-gcloud-'));
      process.env['GCE_METADATA_HOST'] = `127.0.0.1:${(metadata.address() as AddressInfo).port}`;
      process.env['METADATA_SERVER_DETECTION'] = 'assume-present';
      app = await startTestApp({ AUTH_MODE: 'adc', EMULATOR_PRINCIPALS: principalsFile(), VIEWER_DIR, DEMO_PATIENTS: '3' });
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await new Promise((done) => metadata?.close(done));
      for (const key of ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_CONFIG', 'GCE_METADATA_HOST', 'METADATA_SERVER_DETECTION']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    });

    it('lists the studies, opens one from its viewerUrl and draws its image, all on loopback with no failed request', async () => {
      await expectStudyShown(app, {}, undefined, 'adc');
    });
  });
});
