/** `multipart/related` bodies (RFC 2387) as DICOMweb sends and receives them. */

import { randomBytes } from 'node:crypto';

/** One body part. Header names are lower-cased. */
export interface BodyPart {
  headers: ReadonlyMap<string, string>;
  body: Uint8Array;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Splits a multipart body on `boundary`. Tolerates a preamble (some clients start with a CRLF) and
 * an epilogue; throws when the first delimiter or a part's header block is missing.
 */
export function parseMultipart(body: Buffer, boundary: string): BodyPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  let at = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(next);
  if (at < 0) throw new Error(`no "--${boundary}" delimiter in the body`);
  if (at > 0) at += CRLF.length;
  const parts: BodyPart[] = [];
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') === '--') return parts;
    const lineEnd = body.indexOf(CRLF, afterDelimiter);
    if (lineEnd < 0) throw new Error('truncated multipart body');
    const headerEnd = body.indexOf(HEADER_END, lineEnd);
    const blank = body.subarray(lineEnd, lineEnd + HEADER_END.length).equals(HEADER_END);
    const headersText = blank ? '' : body.subarray(lineEnd + CRLF.length, headerEnd).toString('latin1');
    if (!blank && headerEnd < 0) throw new Error('a body part has no header block');
    const start = blank ? lineEnd + HEADER_END.length : headerEnd + HEADER_END.length;
    const end = body.indexOf(next, start);
    if (end < 0) throw new Error('the body ends before the closing delimiter');
    parts.push({ headers: parseHeaders(headersText), body: body.subarray(start, end) });
    at = end + CRLF.length;
  }
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** A part to send. */
export interface OutgoingPart {
  contentType: string;
  body: Uint8Array;
  /** `Content-Location` header, e.g. a BulkDataURI. */
  location?: string;
}

/** Encodes parts; returns the body and the boundary to name in the Content-Type header. */
export function buildMultipart(parts: readonly OutgoingPart[]): { boundary: string; body: Buffer } {
  const boundary = randomBytes(16).toString('hex');
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Type: ${part.contentType}\r\n`;
    if (part.location !== undefined) head += `Content-Location: ${part.location}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), Buffer.from(part.body.buffer, part.body.byteOffset, part.body.byteLength), CRLF);
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, body: Buffer.concat(chunks) };
}
