/**
 * Counts of an external DICOMweb server, which has no `getDICOMStoreMetrics`: walked from a
 * study-level QIDO search in pages of {@link COUNT_PAGE} studies (one upstream call each, plus one
 * that comes back empty), with the studies' series and instance counts asked for by `includefield`.
 * Storage sizes are not available over DICOMweb.
 */
import type { HealthcareClient } from './client.js';
import { qido, type AllowedDicomStore, type DicomJson } from './dicomweb.js';
import { UpstreamError } from './errors.js';

const COUNT_PAGE = 1000;
const STUDY_UID = '0020000D';
const SERIES_COUNT = '00201206';
const INSTANCE_COUNT = '00201208';

export interface ExternalStoreCounts {
  studyCount: number;
  /** Null when the server leaves NumberOfStudyRelatedSeries out of some study. */
  seriesCount: number | null;
  /** Null when the server leaves NumberOfStudyRelatedInstances out of some study. */
  instanceCount: number | null;
}

/** Sum of an integer attribute over the rows; null when a row lacks it. */
function total(rows: DicomJson[], tag: string): number | null {
  let sum = 0;
  for (const row of rows) {
    const value = Number(row[tag]?.Value?.[0]);
    if (!Number.isInteger(value)) return null;
    sum += value;
  }
  return sum;
}

/** Counts an external server's studies, series and instances. */
export async function countExternalStore(client: HealthcareClient, store: AllowedDicomStore): Promise<ExternalStoreCounts> {
  const seen = new Set<string>();
  const counts: ExternalStoreCounts = { studyCount: 0, seriesCount: 0, instanceCount: 0 };
  for (let offset = 0; ;) {
    const rows = await qido(client, store, ['studies'], [
      ['includefield', SERIES_COUNT], ['includefield', INSTANCE_COUNT], ['limit', String(COUNT_PAGE)], ['offset', String(offset)],
    ]);
    if (rows.length === 0) return counts;
    const fresh = rows.filter((row) => {
      const uid = String(row[STUDY_UID]?.Value?.[0] ?? '');
      return !seen.has(uid) && seen.add(uid);
    });
    // A server that ignores `offset` would answer the first page forever.
    if (fresh.length === 0) throw new UpstreamError('The DICOMweb server repeats its first studies for any QIDO offset, so they cannot be counted', { status: 502, kind: 'dicomweb' });
    counts.studyCount += fresh.length;
    const series = total(fresh, SERIES_COUNT);
    const instances = total(fresh, INSTANCE_COUNT);
    counts.seriesCount = counts.seriesCount === null || series === null ? null : counts.seriesCount + series;
    counts.instanceCount = counts.instanceCount === null || instances === null ? null : counts.instanceCount + instances;
    offset += rows.length;
  }
}
