/** Messages as the emulator keeps and delivers them (`google.pubsub.v1.PubsubMessage` shapes). */

/** `google.protobuf.Timestamp` as proto-loader renders it (int64 seconds as a string). */
export interface Timestamp {
  seconds: string;
  nanos: number;
}

/** A published message. */
export interface PubsubMessage {
  data: Buffer;
  attributes: Record<string, string>;
  messageId: string;
  publishTime: Timestamp;
  orderingKey: string;
}

/** One message handed to a subscriber: `google.pubsub.v1.ReceivedMessage`. */
export interface ReceivedMessage {
  ackId: string;
  message: PubsubMessage;
  deliveryAttempt: number;
}

/** A timestamp of a time in milliseconds. */
export function timestampOf(ms: number): Timestamp {
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

/** Seconds of a `google.protobuf.Duration` (absent = undefined). */
export function durationSeconds(duration: { seconds?: string | number; nanos?: number } | null | undefined): number | undefined {
  if (duration === null || duration === undefined) return undefined;
  return Number(duration.seconds ?? 0) + (duration.nanos ?? 0) / 1e9;
}

/** Bytes a message counts for in flow control: its data, ordering key and attributes. */
export function messageBytes(message: PubsubMessage): number {
  let bytes = message.data.length + Buffer.byteLength(message.orderingKey);
  for (const [key, value] of Object.entries(message.attributes)) bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  return bytes;
}
