/**
 * The upstream's own links in DICOMweb answers (BulkDataURI in metadata, RetrieveURL in STOW-RS and
 * search answers) point at the upstream: a viewer following them would leave the proxy, and go to
 * Google without a token. They are rewritten, as the answer streams through, to the proxy's path.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** Media types that carry links: DICOM JSON and XML, bare or in a multipart answer. */
const LINK_CARRYING = /^(?:application\/(?:dicom\+)?json|application\/dicom\+xml)|^multipart\/related.*type="?application\/dicom\+xml/i;

export function carriesLinks(contentType: string | null): boolean {
  return contentType !== null && LINK_CARRYING.test(contentType.trim());
}

/**
 * Replaces every occurrence of `from` with `to` in a byte stream, holding back only the tail that
 * could be the start of an occurrence split between chunks.
 */
export function replaceInStream(from: string, to: string): Transform {
  const needle = Buffer.from(from);
  const replacement = Buffer.from(to);
  let pending = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const buffer = Buffer.concat([pending, chunk]);
      const parts: Buffer[] = [];
      let start = 0;
      for (let at = buffer.indexOf(needle); at >= 0; at = buffer.indexOf(needle, start)) {
        parts.push(buffer.subarray(start, at), replacement);
        start = at + needle.length;
      }
      const keep = Math.max(start, buffer.length - (needle.length - 1));
      parts.push(buffer.subarray(start, keep));
      pending = Buffer.from(buffer.subarray(keep));
      callback(null, Buffer.concat(parts));
    },
    flush(callback: TransformCallback) {
      callback(null, pending);
    },
  });
}
