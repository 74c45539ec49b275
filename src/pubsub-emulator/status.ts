/** gRPC errors with the status codes and messages Pub/Sub answers. */

import { Metadata, status, type ServiceError } from '@grpc/grpc-js';

/** An error a handler throws; the service adapters turn it into the call's gRPC status. */
export class PubSubError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = 'PubSubError';
  }

  /** The error as grpc-js sends it. */
  toServiceError(): Partial<ServiceError> {
    return { code: this.code, details: this.message, metadata: new Metadata() };
  }
}

const idOf = (name: string): string => name.split('/').pop() ?? name;

export const invalidArgument = (message: string): PubSubError => new PubSubError(status.INVALID_ARGUMENT, message);
export const notFound = (name: string): PubSubError => new PubSubError(status.NOT_FOUND, `Resource not found (resource=${idOf(name)}).`);
export const alreadyExists = (name: string): PubSubError =>
  new PubSubError(status.ALREADY_EXISTS, `Resource already exists in the project (resource=${idOf(name)}).`);
