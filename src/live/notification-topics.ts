/**
 * The Pub/Sub topics a store's configuration publishes to, read from the store as the admin API
 * returns it (`GET …/fhirStores/{s}` and friends; ../shared/reference/pubsub.md §1.1).
 */

import type { StoreKind } from '../healthcare/names.js';

/**
 * `projects/{project}/topics/{topic}`: what `notificationConfigs[].pubsubTopic` holds. A topic id
 * is 3–255 letters, digits and `-_.~+%`, starts with a letter and not with `goog`.
 */
export const TOPIC_NAME = /^projects\/([a-z0-9][a-z0-9.:-]{0,61}[a-z0-9]|[a-z0-9])\/topics\/((?!goog)[A-Za-z][A-Za-z0-9\-_.~+%]{2,254})$/;

/** Whether a value is a full Pub/Sub topic name. */
export const isTopicName = (value: unknown): value is string => typeof value === 'string' && TOPIC_NAME.test(value);

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** `pubsubTopic` of each config in a `notificationConfigs` list. */
function listTopics(value: unknown): unknown[] {
  return Array.isArray(value) ? value.map((config) => record(config)?.['pubsubTopic']) : [];
}

/**
 * The distinct topics a store names, in the order it names them: every store kind's
 * `notificationConfigs[].pubsubTopic`, and the single `notificationConfig.pubsubTopic` that FHIR
 * (deprecated) and DICOM (legacy) stores still have. Values that are not topic names (an empty
 * `pubsubTopic`, which Google accepts as "no topic") are left out. HL7v2 configs' `filter`s are
 * not applied here: the store already filtered what it published.
 */
export function notificationTopics(kind: StoreKind, store: unknown): string[] {
  const fields = record(store) ?? {};
  const topics = listTopics(fields['notificationConfigs']);
  if (kind !== 'hl7V2Stores') topics.push(record(fields['notificationConfig'])?.['pubsubTopic']);
  return [...new Set(topics.filter(isTopicName))];
}
