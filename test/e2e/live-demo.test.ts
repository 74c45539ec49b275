/**
 * The live demo in Chromium, as a newcomer tries it: a patient's chart open in /demo shows an
 * observation recorded meanwhile (the GraphiQL mutation, sent here over HTTP) without a reload;
 * the live HL7v2 feed page shows the demo feed's admissions as they arrive; GraphiQL's
 * WatchPatient tab receives the event over its WebSocket. Nothing leaves the origin, and the
 * pages' Content-Security-Policy lets the same-origin socket through (Chromium would log a
 * violation as an error).
 */

import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { RunningApp } from '../../src/app.js';
import { EXAMPLE_OPERATIONS } from '../../src/http/examples.js';
import { graphql, startTestApp } from '../helpers/app.js';
import { chromiumSuite, foreign, launchChromium, visit } from './chromium.js';

const suite = chromiumSuite('test/e2e/live-demo');

const tab = (name: string) => EXAMPLE_OPERATIONS.find((example) => example.name === name)!;
const RECORD = tab('RecordVitalSign');

let app: RunningApp;
let browser: Browser;

/**
 * Records heart rates until `seen` says the page shows one: the page's subscription starts
 * listening upstream a moment after it opens, and a write before that is not an event for it.
 */
async function recordUntilShown(seen: (bpm: number, resourceId: string) => Promise<boolean>): Promise<number> {
  for (let attempt = 0; attempt < 15; attempt++) {
    const bpm = 140 + attempt;
    const result = await graphql(app, RECORD.query, { ...RECORD.variables, bpm, when: new Date().toISOString() });
    expect(result.errors).toBeUndefined();
    if (await seen(bpm, result.data.createFhirResource.resource.resourceId)) return bpm;
  }
  throw new Error('the page never showed a recorded heart rate');
}

suite('the live demo in Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp({ DEMO_PATIENTS: '3', DEMO_LIVE: 'on', DEMO_LIVE_INTERVAL_MS: '2000' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the chart shows an observation recorded while it is open, without a reload', async () => {
    const patient = await graphql(app, '{ fhirStore(name: "projects/demo/locations/us-central1/datasets/demo/fhirStores/fhir") { patient(id: "pat-000001") { id displayName } } }');
    const { id, displayName } = patient.data.fhirStore.patient;
    const { page, context, requests, errors } = await visit(browser, `${app.graph.url}/demo#patient/${encodeURIComponent(id)}`);
    try {
      await page.getByRole('heading', { level: 1, name: displayName }).waitFor();
      let loads = 0;
      page.on('load', () => loads++);
      const vitals = page.locator('.panel', { has: page.getByRole('heading', { name: 'Latest vitals' }) });
      await recordUntilShown(async (value) => {
        const row = vitals.locator('tbody tr.fresh', { hasText: 'Heart rate' }).filter({ hasText: String(value) });
        return row.waitFor({ timeout: 2_000 }).then(() => true, () => false);
      });
      // The new value replaced the old line of its kind: one heart rate line. (Not necessarily still
      // ours: the demo feed, on here every 2 s for 3 patients, may have recorded a newer one since.)
      await expect(vitals.locator('tbody tr', { hasText: 'Heart rate' }).count()).resolves.toBe(1);
      await expect(page.locator('.live').textContent()).resolves.toMatch(/^Live: /);
      expect(loads).toBe(0);
      expect(requests.some((url) => url.startsWith('ws://'))).toBe(true);
      expect(foreign(requests, app.graph.url)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the HL7v2 feed page shows the live feed\'s admissions as they arrive, newest first', async () => {
    const { page, context, errors } = await visit(browser, `${app.graph.url}/demo#hl7v2`);
    try {
      await page.getByRole('heading', { level: 1, name: 'Live HL7v2 feed' }).waitFor();
      const rows = page.locator('.feed tbody tr');
      await rows.first().waitFor();
      // The demo feed admits a patient every 2 s here: a fresh ADT^A01 comes in at the top.
      const fresh = page.locator('.feed tbody tr.fresh').first();
      await fresh.waitFor({ timeout: 30_000 });
      const cells = await rows.first().locator('td').allTextContents();
      expect(cells.slice(0, 3)).toEqual(['ADT', 'A01', expect.stringMatching(/^MRN\d{7}$/)]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('GraphiQL\'s WatchPatient tab receives the recorded observation over its WebSocket', async () => {
    const { page, context, errors } = await visit(browser, `${app.graph.url}/graphql`);
    try {
      // Keyboard, because synthetic mouse clicks do not switch GraphiQL's (draggable) tabs in headless Chromium.
      await page.locator('.graphiql-tab-button', { hasText: 'WatchPatient' }).press('Enter');
      await page.locator('.graphiql-execute-button').click();
      // The result pane shows the latest event; its editor renders only the lines in view (the top
      // ones), with non-breaking spaces.
      await recordUntilShown(async (_bpm, resourceId) => page.waitForFunction(
        (id) => (document.querySelector('.graphiql-response')?.textContent ?? '').replace(/\s+/g, ' ').includes(`"resourceId": "${id}"`),
        resourceId,
        { timeout: 2_000 },
      ).then(() => true, () => false));
      const response = (await page.locator('.graphiql-response').textContent()) ?? '';
      expect(response).toContain('"patientChanged"');
      expect(response).not.toContain('"errors"');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
