/**
 * The Pub/Sub topics a store publishes its changes to, from its configuration as the API returns
 * it: every `notificationConfigs[].pubsubTopic`, and the deprecated single `notificationConfig`.
 */
export function storeTopics(store: object): string[] {
  const { notificationConfigs, notificationConfig } = store as { notificationConfigs?: { pubsubTopic?: string }[]; notificationConfig?: { pubsubTopic?: string } };
  const topics = [...(notificationConfigs ?? []), ...(notificationConfig ? [notificationConfig] : [])].map((config) => config.pubsubTopic ?? '');
  return [...new Set(topics.filter((topic) => topic !== ''))];
}
