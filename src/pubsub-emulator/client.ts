import { PubSub } from '@google-cloud/pubsub';

/**
 * A `@google-cloud/pubsub` client for a Pub/Sub emulator at `host` (`host:port`, plaintext gRPC):
 * ours or Google's. The universe domain is given because otherwise the client asks the GCE metadata
 * server for it, which off Google Cloud prints a `MetadataLookupWarning` on stderr; an emulator
 * needs no credentials at all. `projectId` only fills in short names.
 */
export function emulatorPubSubClient(host: string, projectId: string): PubSub {
  return new PubSub({ projectId, apiEndpoint: host, emulatorMode: true, universeDomain: 'googleapis.com' });
}
