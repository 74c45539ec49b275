/**
 * The `google.pubsub.v1` service definitions, loaded from the descriptors that ship inside
 * `@google-cloud/pubsub` (`build/protos/protos.json`, self-contained: it carries the `google.api`
 * and `google.protobuf` types too), so the emulator speaks exactly the wire format the client was
 * built against and no `.proto` file is copied into this repository.
 */

import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The services the emulator implements. */
export interface PubSubServices {
  publisher: grpc.ServiceDefinition;
  subscriber: grpc.ServiceDefinition;
}

/** Loads the Publisher and Subscriber service definitions. */
export function loadPubSubServices(): PubSubServices {
  const require = createRequire(import.meta.url);
  const json = require('@google-cloud/pubsub/build/protos/protos.json') as Parameters<typeof protoLoader.fromJSON>[0];
  // Longs as strings (int64 fields and Timestamp seconds), enums by name, every field present.
  const definition = protoLoader.fromJSON(json, { longs: String, enums: String, defaults: true, oneofs: true });
  const root = grpc.loadPackageDefinition(definition) as unknown as {
    google: { pubsub: { v1: Record<'Publisher' | 'Subscriber', grpc.ServiceClientConstructor> } };
  };
  return { publisher: root.google.pubsub.v1.Publisher.service, subscriber: root.google.pubsub.v1.Subscriber.service };
}
