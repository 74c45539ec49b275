import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON logs. Request headers are never logged whole, and the redaction below is a second line of
 * defence in case a header or token ever reaches a log call. `destination` defaults to stdout; tests
 * pass a stream to read what the server logged.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'healthcare-graph' },
    redact: {
      paths: ['authorization', '*.authorization', 'headers.authorization', '*.headers.authorization', 'token', '*.token'],
      censor: '[redacted]',
    },
  }, destination);
}
