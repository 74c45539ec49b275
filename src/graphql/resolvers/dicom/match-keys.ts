import { badUserInput } from '../../../errors.js';
import { requireUid } from '../../../healthcare/dicomweb.js';
import type { StudyFilter } from '../../../generated/graphql.js';
import { dicomDate } from './attributes.js';

const MAX_MATCH_VALUE = 256;

/**
 * DICOM CS (code string) values: upper-case letters, digits, space and underscore, at most 16
 * characters, no leading or trailing space. Google matches Modality exactly, so `ct` would find
 * nothing; it is refused instead of silently matching nothing.
 */
const CODE_STRING = /^[A-Z0-9_](?:[A-Z0-9_ ]{0,14}[A-Z0-9_])?$/;

/** QIDO match keys for a StudyFilter; values go out as values, never as query syntax. */
export function studyQuery(filter: StudyFilter | null | undefined): [string, string][] {
  const query: [string, string][] = [];
  const match = (key: string, value: string | null | undefined) => {
    if (!value) return;
    if (value.length > MAX_MATCH_VALUE || /[\\*?]/.test(value) || /\p{Cs}/u.test(value)) {
      throw badUserInput(`${key} must be a plain value of at most ${MAX_MATCH_VALUE} characters`);
    }
    query.push([key, value]);
  };
  match('PatientName', filter?.patientName);
  match('PatientID', filter?.patientId);
  match('AccessionNumber', filter?.accessionNumber);
  match('ReferringPhysicianName', filter?.referringPhysicianName);
  if (filter?.studyInstanceUid) query.push(['StudyInstanceUID', requireUid(filter.studyInstanceUid)]);
  if (filter?.studyDateFrom && filter.studyDateTo && filter.studyDateFrom > filter.studyDateTo) {
    throw badUserInput('studyDateFrom must be on or before studyDateTo');
  }
  if (filter?.studyDateFrom || filter?.studyDateTo) {
    query.push(['StudyDate', `${filter.studyDateFrom ? dicomDate(filter.studyDateFrom) : ''}-${filter.studyDateTo ? dicomDate(filter.studyDateTo) : ''}`]);
  }
  if (filter?.fuzzy) query.push(['fuzzymatching', 'true']);
  return query;
}

/** A Modality match value, checked; undefined when none is given. */
export function modalityValue(modality: string | null | undefined): string | undefined {
  if (!modality) return undefined;
  if (!CODE_STRING.test(modality)) {
    throw badUserInput(`modality ${JSON.stringify(modality.slice(0, 20))} is not a DICOM modality code (upper-case letters, digits and underscores, at most 16 characters, e.g. CT)`);
  }
  return modality;
}

/** A UID given as a match key, checked; undefined when none is given. */
export const uidValue = (uid: string | null | undefined, what: string): string | undefined => (uid ? requireUid(uid, what) : undefined);
