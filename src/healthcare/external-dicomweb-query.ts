/**
 * QIDO-RS query strings for external DICOMweb servers, by their quirks.
 *
 * `standard` percent-encodes keys and values, as PS3.18 and RFC 3986 expect.
 *
 * `orthanc`: Orthanc (1.10, DICOMweb plugin 1.7) does not percent-decode query values at all:
 * `PatientName=Lestrade%5EG` and even `Compressed%53amples` match nothing, where `Lestrade^G`
 * matches. So values go unencoded. That works for letters, digits, `- . _ ~` and `^`; every other
 * character either cannot appear raw in a URL (space, `#`, `%`, non-ASCII), is query syntax (`&`),
 * or means something else to Orthanc (`,` separates a list of values, `*` and `?` are wildcards).
 * Such a character is sent as the wildcard `?` (any one character; `*` for a run of non-ASCII
 * characters, which Orthanc does not match one by one), and the answer is then filtered down to the
 * rows whose value equals the one asked for, so a wildcard can never bring in another patient's
 * studies. The filtering happens after `limit`, so such a page may hold fewer rows than asked for.
 */
import type { DicomWebQuirks } from '../config/dicomweb-servers.js';
import type { DicomJson } from './dicomweb.js';
import { InvalidNameError } from './names.js';

/** A query string, and the match keys whose values went as wildcards and must be checked in the answer. */
export interface ExternalQuery {
  /** Starts with `?`, or is empty. */
  search: string;
  inexact: { tag: string; value: string }[];
}

/** Characters Orthanc receives literally and takes literally. */
const ORTHANC_LITERAL = /^[A-Za-z0-9\-._~^]$/;
/** Query parameters that are not match keys: their values are never rewritten into wildcards. */
const CONTROL_KEYS = new Set(['includefield', 'limit', 'offset', 'fuzzymatching']);
const TAG = /^[0-9A-Fa-f]{8}$/;
/** Tags of the match keys the graph uses by keyword; a rewritten value of another key is refused. */
const KEYWORD_TAGS: Record<string, string> = {
  PatientName: '00100010',
  PatientID: '00100020',
  AccessionNumber: '00080050',
  ReferringPhysicianName: '00080090',
  StudyDescription: '00081030',
  SeriesDescription: '0008103E',
  Modality: '00080060',
};
const PERSON_NAME_TAGS = new Set(['00100010', '00080090']);

/** Serializes QIDO match keys, `includefield`s, `limit` and `offset` for a server with these quirks. */
export function externalQuery(query: readonly [string, string][], quirks: DicomWebQuirks): ExternalQuery {
  if (quirks === 'standard') {
    const pairs = query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    return { search: pairs.length === 0 ? '' : `?${pairs.join('&')}`, inexact: [] };
  }
  const inexact: ExternalQuery['inexact'] = [];
  const pairs = query.map(([key, value]) => {
    if (![...key].every((char) => ORTHANC_LITERAL.test(char))) throw new InvalidNameError(`QIDO key ${JSON.stringify(key.slice(0, 100))} cannot be sent to Orthanc`);
    if ([...value].every((char) => ORTHANC_LITERAL.test(char))) return `${key}=${value}`;
    const tag = TAG.test(key) ? key.toUpperCase() : KEYWORD_TAGS[key];
    if (CONTROL_KEYS.has(key) || tag === undefined) {
      throw new InvalidNameError(`${key} ${JSON.stringify(value.slice(0, 100))} cannot be sent to Orthanc, which does not percent-decode query values`);
    }
    inexact.push({ tag, value });
    return `${key}=${orthancWildcards(value)}`;
  });
  return { search: pairs.length === 0 ? '' : `?${pairs.join('&')}`, inexact };
}

/** `Van Helsing^Abraham` → `Van?Helsing^Abraham`, `Müller^Jörg` → `M*ller^J*rg`. */
function orthancWildcards(value: string): string {
  return value.replace(/[\u0080-\u{10ffff}]+|[^A-Za-z0-9\-._~^]/gu, (match) => (match.charCodeAt(0) > 0x7f ? '*' : '?'));
}

/**
 * Keeps the rows whose attributes equal the values that went as wildcards. Person names compare
 * case-insensitively, as Orthanc matches them; a row without the attribute cannot be checked and
 * is left out.
 */
export function keepExactMatches(rows: DicomJson[], inexact: ExternalQuery['inexact']): DicomJson[] {
  if (inexact.length === 0) return rows;
  return rows.filter((row) => inexact.every(({ tag, value }) => {
    const personName = PERSON_NAME_TAGS.has(tag) || row[tag]?.vr === 'PN';
    const wanted = personName ? value.toLowerCase() : value;
    return (row[tag]?.Value ?? []).some((item) => {
      const text = typeof item === 'object' && item !== null && 'Alphabetic' in item ? (item as { Alphabetic: unknown }).Alphabetic : item;
      if (typeof text !== 'string') return false;
      return (personName ? text.toLowerCase() : text) === wanted;
    });
  }));
}
