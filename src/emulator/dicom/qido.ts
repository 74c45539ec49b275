/**
 * QIDO-RS search over a store's index: matching, paging and the attributes each result carries
 * (Google's default sets, `includefield`, match keys, and the computed count attributes).
 */

import {
  type DicomJsonDataset,
  type DicomJsonElement,
  element,
  sortedByTag,
  stringValues,
  withBulkDataBase,
} from './dicom-json.js';
import {
  type InstanceIndex,
  type InstanceRecord,
  representative,
  type SeriesEntry,
  type StudyEntry,
  studyInstances,
} from './instance-index.js';
import { resourceUrl } from './lookup.js';
import { type Condition, nameTokens, type QidoLevel, type QidoQuery } from './qido-query.js';
import { resolveTag, TAG, vrOf } from './tags.js';

function tags(...keywords: string[]): string[] {
  return keywords.map((k) => {
    const tag = resolveTag(k);
    if (tag === undefined) throw new Error(`unknown DICOM keyword ${k}`);
    return tag;
  });
}

/** Google's default result attributes per level (reference §4.2). */
const DEFAULT_ATTRIBUTES: Readonly<Record<QidoLevel, readonly string[]>> = {
  study: tags(
    'SpecificCharacterSet', 'StudyDate', 'StudyTime', 'AccessionNumber', 'InstanceAvailability',
    'ReferringPhysicianName', 'TimezoneOffsetFromUTC', 'PatientName', 'PatientID', 'PatientBirthDate',
    'PatientSex', 'StudyInstanceUID', 'StudyID',
  ),
  series: tags(
    'SpecificCharacterSet', 'Modality', 'TimezoneOffsetFromUTC', 'SeriesDescription', 'SeriesInstanceUID',
    'PerformedProcedureStepStartDate', 'PerformedProcedureStepStartTime', 'RequestAttributesSequence',
  ),
  instance: tags(
    'SpecificCharacterSet', 'SOPClassUID', 'SOPInstanceUID', 'InstanceAvailability', 'TimezoneOffsetFromUTC',
    'InstanceNumber', 'Rows', 'Columns', 'BitsAllocated', 'NumberOfFrames',
  ),
};

/** What `includefield=all` adds at the study and series levels (reference §4.2). */
const ALL_ATTRIBUTES: Readonly<Record<'study' | 'series', readonly string[]>> = {
  study: tags(
    'PersonIdentificationCodeSequence', 'PersonAddress', 'PersonTelephoneNumbers', 'PersonTelecomInformation',
    'InstitutionName', 'InstitutionAddress', 'InstitutionCodeSequence', 'ReferringPhysicianIdentificationSequence',
    'ConsultingPhysicianName', 'ConsultingPhysicianIdentificationSequence', 'IssuerOfAccessionNumberSequence',
    'LocalNamespaceEntityID', 'UniversalEntityID', 'UniversalEntityIDType', 'StudyDescription', 'PhysiciansOfRecord',
    'PhysiciansOfRecordIdentificationSequence', 'NameOfPhysiciansReadingStudy',
    'PhysiciansReadingStudyIdentificationSequence', 'RequestingServiceCodeSequence', 'ReferencedStudySequence',
    'ProcedureCodeSequence', 'ReasonForPerformedProcedureCodeSequence',
  ),
  series: tags('SeriesNumber', 'Laterality', 'SeriesDate', 'SeriesTime'),
};

/**
 * Attributes computed from the hierarchy. Returned when asked for (by `includefield` or `all`):
 * Google's default lists do not name them, so a client that needs them should ask.
 */
const COMPUTED: Readonly<Record<QidoLevel, readonly string[]>> = {
  study: [TAG.ModalitiesInStudy, TAG.NumberOfStudyRelatedSeries, TAG.NumberOfStudyRelatedInstances],
  series: [TAG.NumberOfSeriesRelatedInstances],
  instance: [],
};

/** Unique keys of the levels above, always returned so results can be placed in the hierarchy. */
const PARENT_KEYS: Readonly<Record<QidoLevel, readonly string[]>> = {
  study: [],
  series: [TAG.StudyInstanceUID],
  instance: [TAG.StudyInstanceUID, TAG.SeriesInstanceUID],
};

function matches(condition: Condition, attributes: DicomJsonDataset): boolean {
  const values = stringValues(attributes[condition.tag]);
  switch (condition.kind) {
    case 'exact':
      return values.includes(condition.value);
    case 'date': {
      const { from, to } = condition.range;
      return values.some((d) => (from === undefined || d >= from) && (to === undefined || d <= to));
    }
    case 'fuzzy': {
      const stored = values.flatMap(nameTokens);
      return condition.tokens.some((q) => stored.some((s) => s.startsWith(q)));
    }
  }
}

/** The attribute of an instance, or an empty one with the dictionary VR. */
function attributeOf(attributes: DicomJsonDataset, tag: string): DicomJsonElement {
  return attributes[tag] ?? { vr: vrOf(tag) };
}

function computed(tag: string, entry: StudyEntry | SeriesEntry): DicomJsonElement {
  if ('series' in entry) {
    if (tag === TAG.NumberOfStudyRelatedSeries) return element('IS', entry.series.size);
    if (tag === TAG.NumberOfStudyRelatedInstances) return element('IS', [...studyInstances(entry)].length);
    const modalities = new Set<string>();
    for (const series of entry.series.values()) {
      for (const m of stringValues(representative(series)?.attributes[TAG.Modality])) modalities.add(m);
    }
    return modalities.size === 0 ? { vr: 'CS' } : { vr: 'CS', Value: [...modalities] };
  }
  return element('IS', entry.instances.size);
}

interface Candidate {
  /** The instance whose attributes are matched and returned. */
  record: InstanceRecord;
  /** The study or series the result stands for (for computed attributes). */
  entry: StudyEntry | SeriesEntry | undefined;
}

function resultFor(query: QidoQuery, candidate: Candidate, webRoot: string): DicomJsonDataset {
  const { level, include } = query;
  const { record, entry } = candidate;
  const instanceAll = include === 'all' && level === 'instance';
  const attributes = instanceAll ? withBulkDataBase(record.attributes, resourceUrl(webRoot, record)) : record.attributes;
  const wanted = new Set([...DEFAULT_ATTRIBUTES[level], ...PARENT_KEYS[level]]);
  let extra: Iterable<string>;
  if (include !== 'all') extra = include;
  else if (level === 'instance') extra = Object.keys(attributes);
  else extra = [...ALL_ATTRIBUTES[level], ...COMPUTED[level]];
  for (const tag of extra) wanted.add(tag);
  const out: DicomJsonDataset = {};
  for (const tag of wanted) {
    if (tag === TAG.InstanceAvailability) out[tag] = element('CS', 'ONLINE');
    else if (entry !== undefined && COMPUTED[level].includes(tag)) out[tag] = computed(tag, entry);
    else out[tag] = attributeOf(attributes, tag);
  }
  return sortedByTag(out);
}

/**
 * The studies a search has to look at, in store order: the one its path names; else, when it has
 * exact conditions on indexed match keys, the studies the most selective of them points to (a
 * superset of those that match: the search still applies every condition); else all of them.
 */
function studiesToSearch(index: InstanceIndex, conditions: readonly Condition[], scope: SearchScope): Iterable<StudyEntry> {
  if (scope.study !== undefined) return [index.study(scope.study)].filter((s) => s !== undefined);
  const exact = conditions.flatMap((c) => (c.kind === 'exact' ? [c] : []));
  return index.narrowestStudies(exact) ?? index.studies();
}

function* candidates(index: InstanceIndex, query: QidoQuery, scope: SearchScope): Iterable<Candidate> {
  const { level } = query;
  for (const study of studiesToSearch(index, query.conditions, scope)) {
    if (level === 'study') {
      const record = representative(study);
      if (record !== undefined) yield { record, entry: study };
      continue;
    }
    const seriesList = scope.series === undefined ? study.series.values() : [study.series.get(scope.series)].filter((s) => s !== undefined);
    for (const series of seriesList) {
      if (level === 'series') {
        const record = representative(series);
        if (record !== undefined) yield { record, entry: series };
      } else {
        for (const record of series.instances.values()) yield { record, entry: undefined };
      }
    }
  }
}

/** The study / series a search path is scoped to (`studies/{st}/series`, …). */
export interface SearchScope {
  study?: string;
  series?: string;
}

/** Runs a search; the page of results, already projected to their attributes. */
export function search(index: InstanceIndex, query: QidoQuery, scope: SearchScope, webRoot: string): DicomJsonDataset[] {
  const results: DicomJsonDataset[] = [];
  let skipped = 0;
  for (const candidate of candidates(index, query, scope)) {
    if (!query.conditions.every((c) => matches(c, candidate.record.attributes))) continue;
    if (skipped < query.offset) {
      skipped += 1;
      continue;
    }
    results.push(resultFor(query, candidate, webRoot));
    if (results.length >= query.limit) break;
  }
  return results;
}
