import type { IncomingMessage } from 'node:http';

export class RequestBodyError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** Reads a request body up to `limit` bytes; larger bodies are refused with 413 without buffering them. */
export async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new RequestBodyError(`Request body is larger than ${limit} bytes`, 413);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RequestBodyError(`Request body is larger than ${limit} bytes`, 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body for GraphQL; `application/graphql` style text bodies are not accepted by Apollo. */
export function parseJsonBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (!contentType?.toLowerCase().includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestBodyError('Request body is not valid JSON', 400);
  }
}
