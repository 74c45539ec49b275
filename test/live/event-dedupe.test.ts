/** Duplicate and stale notifications are dropped, in bounded memory (the rule in src/live/event-dedupe.ts). */

import { EventDedupe, changeIdentity } from '../../src/live/event-dedupe.js';
import type { DicomStoreEvent, FhirStoreEvent, Hl7V2StoreEvent } from '../../src/live/store-events.js';

const STORE = 'projects/p/locations/l/datasets/d/fhirStores/f';
const fhir = (id: string, versionId?: string): FhirStoreEvent => ({
  kind: 'fhir', store: STORE, name: `${STORE}/fhir/Patient/${id}`, action: 'UPDATE', resourceType: 'Patient', resourceId: id, versionId,
});
const hl7 = (id: string): Hl7V2StoreEvent => ({ kind: 'hl7v2', store: 'projects/p/locations/l/datasets/d/hl7V2Stores/h', name: `projects/p/locations/l/datasets/d/hl7V2Stores/h/messages/${id}` });
const dicom = (versionId?: string): DicomStoreEvent => ({
  kind: 'dicom', store: 'projects/p/locations/l/datasets/d/dicomStores/s', name: 'projects/p/locations/l/datasets/d/dicomStores/s/dicomWeb/studies/1/series/2/instances/3',
  action: 'STORE', studyInstanceUid: '1', seriesInstanceUid: '2', sopInstanceUid: '3', versionId,
});
const delivery = (messageId: string, topic = 'projects/p/topics/t') => ({ topic, messageId });

/** A clock the test moves. */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let time = 0;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('EventDedupe', () => {
  it('drops a change seen before, whatever message or topic brings it again', () => {
    const dedupe = new EventDedupe();
    expect(dedupe.check(fhir('a', 'v1'), delivery('1'), 1000)).toBe('new');
    expect(dedupe.check(fhir('a', 'v1'), delivery('2'), 1000)).toBe('duplicate');
    expect(dedupe.check(fhir('a', 'v1'), delivery('3', 'projects/p/topics/other'), 1000)).toBe('duplicate');
    expect(dedupe.check(fhir('a', 'v2'), delivery('4'), 1000)).toBe('new');
    expect(dedupe.check(fhir('b', 'v1'), delivery('5'), 1000)).toBe('new');
  });

  it('drops a version older than the newest seen for its name, by lastUpdatedTime; same-second versions both pass', () => {
    const dedupe = new EventDedupe();
    expect(dedupe.check(fhir('a', 'v2'), delivery('1'), 2000)).toBe('new');
    expect(dedupe.check(fhir('a', 'v1'), delivery('2'), 1000)).toBe('stale');
    expect(dedupe.check(fhir('a', 'v3'), delivery('3'), 2000)).toBe('new');
    expect(dedupe.check(fhir('a', 'v4'), delivery('4'), 3000)).toBe('new');
    expect(dedupe.check(fhir('a', 'v5'), delivery('5'), 2999)).toBe('stale');
    // Another resource has its own order; an event without a time cannot be stale.
    expect(dedupe.check(fhir('b', 'v1'), delivery('6'), 1000)).toBe('new');
    expect(dedupe.check(fhir('a', 'v6'), delivery('7'))).toBe('new');
  });

  it('tells HL7v2 messages apart by name, and version-less notifications only by their Pub/Sub message', () => {
    const dedupe = new EventDedupe();
    expect(dedupe.check(hl7('m1'), delivery('1'))).toBe('new');
    expect(dedupe.check(hl7('m1'), delivery('2'))).toBe('duplicate');
    expect(dedupe.check(hl7('m2'), delivery('3'))).toBe('new');
    // The deprecated FHIR config: the same message again is a redelivery; another message a change.
    expect(dedupe.check(fhir('a'), delivery('10'))).toBe('new');
    expect(dedupe.check(fhir('a'), delivery('10'))).toBe('duplicate');
    expect(dedupe.check(fhir('a'), delivery('11'))).toBe('new');
    expect(dedupe.check(fhir('a'), delivery('10', 'projects/p/topics/other'))).toBe('new');
    expect(dedupe.check(dicom(), delivery('20'))).toBe('new');
    expect(dedupe.check(dicom(), delivery('20'))).toBe('duplicate');
    expect(dedupe.check(dicom('7'), delivery('21'))).toBe('new');
    expect(dedupe.check(dicom('7'), delivery('22'))).toBe('duplicate');
  });

  it('keeps at most maxEntries, least recently seen out first', () => {
    const dedupe = new EventDedupe({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) expect(dedupe.check(fhir(id, 'v1'), delivery(id), 1000)).toBe('new');
    expect(dedupe.size).toEqual({ seen: 3, names: 3 });
    // `a` was forgotten: it passes again (at least once); `d` is still known.
    expect(dedupe.check(fhir('d', 'v1'), delivery('x'), 1000)).toBe('duplicate');
    expect(dedupe.check(fhir('a', 'v1'), delivery('y'), 1000)).toBe('new');
    for (let i = 0; i < 1000; i++) dedupe.check(fhir(`r${i}`, 'v1'), delivery(`m${i}`), i);
    expect(dedupe.size).toEqual({ seen: 3, names: 3 });
  });

  it('forgets entries after windowMs', () => {
    const time = clock();
    const dedupe = new EventDedupe({ windowMs: 1000, now: time.now });
    expect(dedupe.check(fhir('a', 'v2'), delivery('1'), 5000)).toBe('new');
    time.advance(999);
    expect(dedupe.check(fhir('a', 'v2'), delivery('2'), 5000)).toBe('duplicate');
    expect(dedupe.check(fhir('a', 'v1'), delivery('3'), 4000)).toBe('stale');
    time.advance(1);
    expect(dedupe.check(fhir('a', 'v2'), delivery('4'), 5000)).toBe('new');
    time.advance(1000);
    expect(dedupe.check(fhir('b', 'v1'), delivery('5'), 5000)).toBe('new');
    expect(dedupe.size).toEqual({ seen: 1, names: 1 });
  });
});

describe('changeIdentity', () => {
  it('is the name and version, the HL7v2 name, or else the topic and message id', () => {
    expect(changeIdentity(fhir('a', 'v1'), delivery('1'))).toBe(changeIdentity(fhir('a', 'v1'), delivery('2', 'projects/p/topics/u')));
    expect(changeIdentity(fhir('a', 'v1'), delivery('1'))).not.toBe(changeIdentity(fhir('a', 'v2'), delivery('1')));
    expect(changeIdentity(hl7('m'), delivery('1'))).toBe(changeIdentity(hl7('m'), delivery('2')));
    expect(changeIdentity(fhir('a'), delivery('1'))).not.toBe(changeIdentity(fhir('a'), delivery('2')));
  });
});
