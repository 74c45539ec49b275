/** Cloud Healthcare's notification messages (pubsub.md §1.2–1.4) read into store events. */

import { parseNotification, parseRfc1123, type NotificationMessage } from '../../src/live/notification-parse.js';

const DATASET = 'projects/p/locations/us-central1/datasets/d';
const FHIR = `${DATASET}/fhirStores/f`;
const DICOM = `${DATASET}/dicomStores/s`;
const HL7 = `${DATASET}/hl7V2Stores/h`;

const message = (data: string, attributes: Record<string, string> = {}): NotificationMessage => ({ data: Buffer.from(data), attributes });

const fhirAttributes = (extra: Record<string, string> = {}): Record<string, string> => ({
  action: 'UpdateResource',
  lastUpdatedTime: 'Mon, 01 Jan 2024 10:20:30 UTC',
  payloadType: 'NameOnly',
  resourceType: 'Observation',
  storeName: FHIR,
  versionId: 'MTY4MzA2MDQzOTI5NjIxMDAwMA',
  ...extra,
});

describe('parseNotification', () => {
  it('reads a FHIR NameOnly notification, with lastUpdatedTime as RFC 3339', () => {
    expect(parseNotification(message(`${FHIR}/fhir/Observation/o-1`, fhirAttributes()))).toEqual({
      ok: true,
      time: Date.UTC(2024, 0, 1, 10, 20, 30),
      event: {
        kind: 'fhir',
        store: FHIR,
        name: `${FHIR}/fhir/Observation/o-1`,
        action: 'UPDATE',
        resourceType: 'Observation',
        resourceId: 'o-1',
        versionId: 'MTY4MzA2MDQzOTI5NjIxMDAwMA',
        lastUpdated: '2024-01-01T10:20:30Z',
      },
    });
  });

  it('maps every FHIR action, and reads payloadType case-insensitively', () => {
    const actions = { CreateResource: 'CREATE', UpdateResource: 'UPDATE', PatchResource: 'PATCH', DeleteResource: 'DELETE' };
    for (const [action, expected] of Object.entries(actions)) {
      const result = parseNotification(message(`${FHIR}/fhir/Observation/o`, fhirAttributes({ action, payloadType: 'nameOnly' })));
      expect(result).toMatchObject({ ok: true, event: { action: expected } });
    }
  });

  it('takes only the type and id out of a FullResource payload: the resource itself is not kept', () => {
    const resource = { resourceType: 'Observation', id: 'o-2', meta: { versionId: 'other' }, subject: { reference: 'Patient/secret' }, valueString: 'PHI' };
    const result = parseNotification(message(JSON.stringify(resource), fhirAttributes({ payloadType: 'FullResource' })));
    expect(result).toMatchObject({ ok: true, event: { name: `${FHIR}/fhir/Observation/o-2`, resourceId: 'o-2', versionId: 'MTY4MzA2MDQzOTI5NjIxMDAwMA' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|PHI|valueString/);
  });

  it('reads the previous resource a delete sends with sendPreviousResourceOnDelete', () => {
    const result = parseNotification(message(JSON.stringify({ resourceType: 'Patient', id: 'p' }), fhirAttributes({ action: 'DeleteResource', resourceType: 'Patient', payloadType: 'FullResource' })));
    expect(result).toMatchObject({ ok: true, event: { action: 'DELETE', resourceType: 'Patient', resourceId: 'p' } });
  });

  it('reads the deprecated notificationConfig: only action and resourceType, no version or time', () => {
    const result = parseNotification(message(`${FHIR}/fhir/Patient/p`, { action: 'CreateResource', resourceType: 'Patient' }));
    expect(result).toEqual({ ok: true, time: undefined, event: { kind: 'fhir', store: FHIR, name: `${FHIR}/fhir/Patient/p`, action: 'CREATE', resourceType: 'Patient', resourceId: 'p' } });
  });

  it('reads a DICOM notification; imports are stores, and the legacy config sends no attributes', () => {
    const name = `${DICOM}/dicomWeb/studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5`;
    const attributes = {
      action: 'StoreInstances', lastUpdatedTime: 'Tue, 02 Jan 2024 00:00:00 UTC', storeName: DICOM, studyInstanceUID: '1.2.3', seriesInstanceUID: '1.2.3.4', sopInstanceUID: '1.2.3.4.5',
      versionId: '1704153600000000', modality: 'CT', storageClass: 'STANDARD',
    };
    const event = { kind: 'dicom', store: DICOM, name, action: 'STORE', studyInstanceUid: '1.2.3', seriesInstanceUid: '1.2.3.4', sopInstanceUid: '1.2.3.4.5' };
    expect(parseNotification(message(name, attributes))).toEqual({ ok: true, time: Date.UTC(2024, 0, 2), event: { ...event, versionId: '1704153600000000' } });
    expect(parseNotification(message(name, { ...attributes, action: 'ImportDicomData' }))).toMatchObject({ ok: true, event: { action: 'STORE' } });
    expect(parseNotification(message(name, { ...attributes, action: 'DeleteInstances' }))).toMatchObject({ ok: true, event: { action: 'DELETE' } });
    expect(parseNotification(message(name))).toEqual({ ok: true, time: undefined, event });
    expect(parseNotification(message(name, { ...attributes, action: 'SetBlobSettings' }))).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('reads an HL7v2 notification, with msgType when it has one', () => {
    expect(parseNotification(message(`${HL7}/messages/m1=`, { msgType: 'ADT' }))).toEqual({ ok: true, event: { kind: 'hl7v2', store: HL7, name: `${HL7}/messages/m1=`, messageType: 'ADT' } });
    expect(parseNotification(message(`${HL7}/messages/m2`, { msgType: '' }))).toEqual({ ok: true, event: { kind: 'hl7v2', store: HL7, name: `${HL7}/messages/m2` } });
  });

  it.each([
    ['an unrelated message', message('hello', { foo: 'bar' })],
    ['an empty message', message('')],
    ['a FHIR name of another store than storeName', message(`${DATASET}/fhirStores/other/fhir/Observation/o`, fhirAttributes())],
    ['a FHIR type that disagrees with resourceType', message(`${FHIR}/fhir/Patient/o`, fhirAttributes())],
    ['a bad resource id', message(`${FHIR}/fhir/Observation/a_b`, fhirAttributes())],
    ['an unknown payloadType', message(`${FHIR}/fhir/Observation/o`, fhirAttributes({ payloadType: 'Other' }))],
    ['a FullResource that is not JSON', message('{"resourceType": "Obs', fhirAttributes({ payloadType: 'FullResource' }))],
    ['a FullResource without an id', message('{"resourceType": "Observation"}', fhirAttributes({ payloadType: 'FullResource' }))],
    ['a FullResource that is an array', message('[1]', fhirAttributes({ payloadType: 'FullResource' }))],
    ['a FullResource without storeName', message('{"resourceType":"Observation","id":"o"}', fhirAttributes({ payloadType: 'FullResource', storeName: '' }))],
    ['a store name with a bad project', message(`projects/P!/locations/l/datasets/d/fhirStores/f/fhir/Observation/o`, { action: 'CreateResource' })],
    ['a time that is not RFC 1123', message(`${FHIR}/fhir/Observation/o`, fhirAttributes({ lastUpdatedTime: '2024-01-01T00:00:00Z' }))],
    ['a DICOM UID that disagrees with the name', message(`${DICOM}/dicomWeb/studies/1/series/2/instances/3`, { studyInstanceUID: '9' })],
    ['a DICOM name with a bad UID', message(`${DICOM}/dicomWeb/studies/1/series/x/instances/3`)],
    ['a name far too long', message(`${HL7}/messages/${'m'.repeat(5000)}`)],
  ])('answers malformed for %s', (_what, input) => {
    expect(parseNotification(input)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('parseRfc1123', () => {
  it('reads Cloud Healthcare\'s lastUpdatedTime, with UTC or GMT', () => {
    expect(parseRfc1123('Mon, 01 Jan 2020 00:00:00 UTC')).toBe(Date.UTC(2020, 0, 1));
    expect(parseRfc1123('Thu, 29 Feb 2024 23:59:59 GMT')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  it.each(['Mon, 31 Feb 2020 00:00:00 UTC', 'Mon, 01 Jan 2020 24:00:00 UTC', 'Mon, 1 Jan 2020 00:00:00 UTC', 'Mon, 01 Jan 2020 00:00:00 +0100', ''])('refuses %j', (value) => {
    expect(() => parseRfc1123(value)).toThrow();
  });
});
