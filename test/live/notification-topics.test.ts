/** The topics a store's configuration names (pubsub.md §1.1). */

import { isTopicName, notificationTopics } from '../../src/live/notification-topics.js';

const topic = (id: string): string => `projects/p/topics/${id}`;

describe('notificationTopics', () => {
  it('reads a FHIR store\'s notificationConfigs and its deprecated notificationConfig, each topic once', () => {
    const store = {
      name: 'projects/p/locations/l/datasets/d/fhirStores/f',
      notificationConfig: { pubsubTopic: topic('legacy') },
      notificationConfigs: [{ pubsubTopic: topic('full'), sendFullResource: true }, { pubsubTopic: topic('names') }, { pubsubTopic: topic('full') }],
    };
    expect(notificationTopics('fhirStores', store)).toEqual([topic('full'), topic('names'), topic('legacy')]);
  });

  it('reads a DICOM store\'s notificationConfigs and its legacy notificationConfig', () => {
    expect(notificationTopics('dicomStores', { notificationConfig: { pubsubTopic: topic('old'), sendForBulkImport: true } })).toEqual([topic('old')]);
    expect(notificationTopics('dicomStores', { notificationConfigs: [{ pubsubTopic: topic('new') }] })).toEqual([topic('new')]);
  });

  it('reads an HL7v2 store\'s notificationConfigs whatever their filters; it has no single config', () => {
    const store = { notificationConfigs: [{ pubsubTopic: topic('adt'), filter: 'message_type = "ADT"' }, { pubsubTopic: topic('all') }], notificationConfig: { pubsubTopic: topic('x') } };
    expect(notificationTopics('hl7V2Stores', store)).toEqual([topic('adt'), topic('all')]);
  });

  it('leaves out configs without a topic and values that are not topic names', () => {
    const store = {
      notificationConfig: { pubsubTopic: '' },
      notificationConfigs: [{}, null, 'x', { pubsubTopic: 42 }, { pubsubTopic: 'topics/short' }, { pubsubTopic: 'projects/p/topics/goog' }, { pubsubTopic: `${topic('fine')}/extra` }, { pubsubTopic: topic('fine') }],
    };
    expect(notificationTopics('fhirStores', store)).toEqual([topic('fine')]);
  });

  it('answers no topics for a store without configs, or for something that is no store', () => {
    expect(notificationTopics('fhirStores', { name: 'projects/p/locations/l/datasets/d/fhirStores/f' })).toEqual([]);
    expect(notificationTopics('dicomStores', null)).toEqual([]);
    expect(notificationTopics('hl7V2Stores', [topic('a')])).toEqual([]);
    expect(notificationTopics('fhirStores', { notificationConfigs: { pubsubTopic: topic('a') } })).toEqual([]);
  });
});

describe('isTopicName', () => {
  it.each([topic('abc'), 'projects/example.com:proj/topics/a-b_c.d~e+f%20', `projects/p/topics/a${'b'.repeat(254)}`])('accepts %s', (name) => {
    expect(isTopicName(name)).toBe(true);
  });
  it.each(['projects/p/topics/ab', 'projects/p/topics/1abc', 'projects/P/topics/abc', 'projects//topics/abc', `projects/p/topics/a${'b'.repeat(255)}`, 'abc'])('refuses %s', (name) => {
    expect(isTopicName(name)).toBe(false);
  });
});
