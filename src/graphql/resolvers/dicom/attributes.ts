import type { DicomJson } from '../../../healthcare/dicomweb.js';

/** The DICOM tags the graph reads, by keyword. */
export const TAGS = {
  StudyDate: '00080020',
  StudyTime: '00080030',
  AccessionNumber: '00080050',
  ModalitiesInStudy: '00080061',
  ReferringPhysicianName: '00080090',
  StudyDescription: '00081030',
  SeriesDescription: '0008103E',
  SeriesDate: '00080021',
  Modality: '00080060',
  SOPClassUID: '00080016',
  SOPInstanceUID: '00080018',
  PatientName: '00100010',
  PatientID: '00100020',
  PatientBirthDate: '00100030',
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  SeriesNumber: '00200011',
  InstanceNumber: '00200013',
  NumberOfStudyRelatedSeries: '00201206',
  NumberOfStudyRelatedInstances: '00201208',
  NumberOfSeriesRelatedInstances: '00201209',
  NumberOfFrames: '00280008',
  Rows: '00280010',
  Columns: '00280011',
} as const;

export type Keyword = keyof typeof TAGS;

/** The values of an attribute; person names as their alphabetic form. */
export function values(dataset: DicomJson, keyword: Keyword): unknown[] {
  return (dataset[TAGS[keyword]]?.Value ?? []).map((value) =>
    typeof value === 'object' && value !== null && 'Alphabetic' in value ? (value as { Alphabetic: unknown }).Alphabetic : value,
  );
}

export function text(dataset: DicomJson, keyword: Keyword): string | null {
  const [value] = values(dataset, keyword);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

export function integer(dataset: DicomJson, keyword: Keyword): number | null {
  const [value] = values(dataset, keyword);
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(number) ? number : null;
}

/** DICOM DA (`YYYYMMDD`) as an ISO date. */
export function isoDate(dataset: DicomJson, keyword: Keyword): string | null {
  const value = text(dataset, keyword);
  const match = value === null ? null : /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** ISO date (`YYYY-MM-DD`) as DICOM DA. */
export const dicomDate = (iso: string) => iso.replaceAll('-', '');
