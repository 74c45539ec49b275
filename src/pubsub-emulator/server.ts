/**
 * An in-process Pub/Sub emulator: a plaintext gRPC server speaking the `google.pubsub.v1`
 * surface `@google-cloud/pubsub` uses, so the graph's live updates work with nothing else
 * installed. Point a client at it with `PUBSUB_EMULATOR_HOST=<host>` (what `host` answers). It
 * keeps everything in memory; it is a test double for Pub/Sub, like Google's own emulator.
 */

import { Server, ServerCredentials } from '@grpc/grpc-js';
import { loadPubSubServices } from './protos.js';
import { publisherService, subscriberService } from './services.js';
import { PubSubState } from './state.js';
import { OpenStreams } from './streaming-pull.js';

export interface PubSubEmulatorOptions {
  /** 0 or undefined = a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Clock in milliseconds (tests move it); `Date.now` by default. */
  now?: () => number;
  /** How often ack deadlines and subscription expiry are checked. Default 100 ms. */
  tickMs?: number;
}

export interface RunningPubSubEmulator {
  /** `host:port`, the value for `PUBSUB_EMULATOR_HOST`. */
  host: string;
  port: number;
  /** The topics and subscriptions (tests inspect it and run `tick()`). */
  state: PubSubState;
  /** Ends open streams (UNAVAILABLE) and stops the server. */
  close(): Promise<void>;
}

export async function startPubSubEmulator(options: PubSubEmulatorOptions = {}): Promise<RunningPubSubEmulator> {
  const streams = new OpenStreams();
  const state = new PubSubState({ now: options.now, onSubscriptionGone: (name) => streams.endAll(name) });
  const services = loadPubSubServices();
  const server = new Server();
  server.addService(services.publisher, publisherService(state));
  server.addService(services.subscriber, subscriberService(state, streams));
  const bindHost = options.host ?? '127.0.0.1';
  const address = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${address}:${options.port ?? 0}`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  const timer = setInterval(() => state.tick(), options.tickMs ?? 100);
  timer.unref();
  let closing: Promise<void> | undefined;
  return {
    host: `${address}:${port}`,
    port,
    state,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(timer);
        streams.endEverything();
        // A client still connected (its stream retrying) would hold a graceful shutdown open.
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 1000).unref();
      });
      return closing;
    },
  };
}
