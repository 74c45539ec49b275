/** Reading DICOMweb answers from two servers into forms that can be compared. */

import { decode as decodePng } from 'fast-png';

export type Dataset = Record<string, { vr?: string; Value?: unknown[]; BulkDataURI?: string; InlineBinary?: string }>;

export const TAG = {
  SpecificCharacterSet: '00080005',
  SOPInstanceUID: '00080018',
  InstanceAvailability: '00080056',
  RetrieveURL: '00081190',
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  NumberOfStudyRelatedInstances: '00201208',
  PixelData: '7FE00010',
} as const;

/** A QIDO-RS or metadata answer: the status and the data sets (none for 204). */
export interface Answer {
  status: number;
  datasets: Dataset[];
  text: string;
}

export async function getJson(url: string): Promise<Answer> {
  const res = await fetch(url, { headers: { accept: 'application/dicom+json' } });
  const text = await res.text();
  const datasets = res.status === 200 && text !== '' ? (JSON.parse(text) as Dataset[]) : [];
  return { status: res.status, datasets, text };
}

/** Every result of a search, fetched `limit` at a time; fails if pages overlap or overrun. */
export async function allPages(url: string, limit: number, uidTag: string): Promise<Dataset[]> {
  const results: Dataset[] = [];
  const seen = new Set<string>();
  const join = url.includes('?') ? '&' : '?';
  for (let offset = 0; ; offset += limit) {
    const { status, datasets } = await getJson(`${url}${join}limit=${limit}&offset=${offset}`);
    if (status !== 200 && status !== 204) throw new Error(`${url}: HTTP ${status} at offset ${offset}`);
    if (datasets.length > limit) throw new Error(`${url}: ${datasets.length} results for limit=${limit}`);
    for (const d of datasets) {
      const uid = uidOf(d, uidTag);
      if (seen.has(uid)) throw new Error(`${url}: ${uid} on two pages`);
      seen.add(uid);
      results.push(d);
    }
    if (datasets.length < limit) return results;
  }
}

export function uidOf(dataset: Dataset, tag: string): string {
  return String(dataset[tag]?.Value?.[0]);
}

/**
 * An attribute's value as a comparable form: missing and empty are the same, bulk data is only
 * marked (each server has its own URIs), and the trailing spaces DICOM pads values with are dropped
 * (PS3.5 §6.2: not significant; Orthanc keeps them inside multi-valued strings, dcmjs drops them).
 */
export function comparable(element: Dataset[string] | undefined): unknown {
  if (element === undefined) return [];
  if (element.BulkDataURI !== undefined) return 'bulk data';
  if (element.InlineBinary !== undefined) return element.InlineBinary;
  return (element.Value ?? []).map((v) => {
    if (typeof v === 'string') return v.replace(/ +$/, '');
    if (element.vr === 'SQ') return comparableDataset(v as Dataset);
    return v;
  });
}

/** Every non-empty attribute of a data set, in comparable form. */
export function comparableDataset(dataset: Dataset, skip: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const tag of Object.keys(dataset).sort()) {
    const value = comparable(dataset[tag]);
    if (!skip.includes(tag) && !(Array.isArray(value) && value.length === 0)) out[tag] = value;
  }
  return out;
}

/** The named attributes of a data set, in comparable form. */
export function pick(dataset: Dataset, tags: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(tags.map((t) => [t, comparable(dataset[t])]));
}

/** Search results keyed by their UID at `uidTag`, with the `tags` to compare. */
export function keyed(datasets: Dataset[], uidTag: string, tags: readonly string[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(datasets.map((d) => [uidOf(d, uidTag), pick(d, tags)]));
}

/** Width, height and channels of a PNG answer, or the HTTP status when there is none. */
export async function pngSize(url: string): Promise<{ width: number; height: number; channels: number } | number> {
  const res = await fetch(url, { headers: { accept: 'image/png' } });
  if (res.status !== 200) return res.status;
  const { width, height, channels } = decodePng(new Uint8Array(await res.arrayBuffer()));
  return { width, height, channels };
}
