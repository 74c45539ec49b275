/**
 * `system|` token searches, answered from the `system|code` keys of the system (no set of every
 * resource with the system): through updates and deletions, and for a coding without a code.
 */

import { expect, it } from '@jest/globals';
import { startFhir } from './fhir-helpers.js';
import { suiteFixture } from './helpers.js';

const fhir = suiteFixture(startFhir);

const observation = (coding: Record<string, unknown>) => ({ resourceType: 'Observation', status: 'final', code: { coding: [coding] } });

it('follows updates and deletions, and finds codings whose code is not a string', async () => {
  const { api } = fhir;
  const a = await api.create(observation({ system: 'urn:sys', code: 'A' }));
  const b = await api.create(observation({ system: 'urn:sys', code: 'B' }));
  const odd = await api.create(observation({ system: 'urn:sys', code: 7 }));
  await api.create(observation({ system: 'urn:other', code: 'A' }));
  expect((await api.ids('Observation?code=urn:sys|')).sort()).toEqual([a.id, b.id, odd.id].sort());
  expect((await api.ids('Observation?code=urn:sys|&code:not=urn:sys|A')).sort()).toEqual([b.id, odd.id].sort());

  await api.request('PUT', `Observation/${b.id}`, { ...observation({ system: 'urn:other', code: 'B' }), id: b.id });
  expect((await api.ids('Observation?code=urn:sys|')).sort()).toEqual([a.id, odd.id].sort());
  await api.request('DELETE', `Observation/${a.id}`);
  expect(await api.ids('Observation?code=urn:sys|')).toEqual([odd.id]);
  expect((await api.get('Observation?code=urn:sys|A')).body.total).toBe(0);
});
