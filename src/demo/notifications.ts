/**
 * The demo stores' Pub/Sub notifications, set up as on Google: a topic per store kind in the demo
 * project (`demo-fhir`, `demo-dicom`, `demo-hl7v2`), then each store's `notificationConfigs` naming
 * it (`seedDemoDataset` does both when the target has a Pub/Sub endpoint). The FHIR config sends
 * names only (`sendFullResource: false`): a notification is a hint that the graph reads again with
 * the subscriber's credentials, so a resource in the message would be read by no one. Safe to run on every start: an existing topic is kept, and the configs are set to
 * the same value again (the embedded Pub/Sub emulator keeps nothing across restarts, the stores
 * may, with `EMULATOR_DATA_DIR`).
 */
import { PubSub } from '@google-cloud/pubsub';

/** The short ids of the demo topics, one per store kind. */
export const DEMO_TOPICS = { fhir: 'demo-fhir', dicom: 'demo-dicom', hl7v2: 'demo-hl7v2' } as const;

/** gRPC ALREADY_EXISTS: the topic is there from an earlier start. */
const ALREADY_EXISTS = 6;

/** The demo topics' full names in the target's project. */
export function demoTopicNames(target: { project: string }): Record<keyof typeof DEMO_TOPICS, string> {
  const topic = (id: string) => `projects/${target.project}/topics/${id}`;
  return { fhir: topic(DEMO_TOPICS.fhir), dicom: topic(DEMO_TOPICS.dicom), hl7v2: topic(DEMO_TOPICS.hl7v2) };
}

/** Creates the demo topics of `project` on the Pub/Sub emulator at `host` (`host:port`), unless they exist. */
export async function createDemoTopics(project: string, host: string): Promise<void> {
  const pubsub = new PubSub({ projectId: project, apiEndpoint: host, emulatorMode: true });
  try {
    for (const name of Object.values(demoTopicNames({ project }))) {
      await pubsub.createTopic(name).catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== ALREADY_EXISTS) throw error;
      });
    }
  } finally {
    await pubsub.close();
  }
}

/** The `notificationConfigs` of each demo store, on the demo topics of `project`. */
export function demoNotificationConfigs(project: string): Record<keyof typeof DEMO_TOPICS, object[]> {
  const topics = demoTopicNames({ project });
  return {
    fhir: [{ pubsubTopic: topics.fhir, sendFullResource: false, sendPreviousResourceOnDelete: false }],
    dicom: [{ pubsubTopic: topics.dicom }],
    // An empty filter: every message, ADT and ORU alike.
    hl7v2: [{ pubsubTopic: topics.hl7v2, filter: '' }],
  };
}
