/** DICOM tags the DICOMweb emulator names, and keyword ↔ tag resolution through dcmjs's dictionary. */

import dcmjs from 'dcmjs';

const { dictionary, nameMap } = dcmjs.data.DicomMetaDictionary;

/** Tags by keyword, as 8 upper-case hex digits (the DICOM JSON key form). */
export const TAG = {
  SpecificCharacterSet: '00080005',
  SOPClassUID: '00080016',
  SOPInstanceUID: '00080018',
  StudyDate: '00080020',
  SeriesDate: '00080021',
  StudyTime: '00080030',
  SeriesTime: '00080031',
  AccessionNumber: '00080050',
  InstanceAvailability: '00080056',
  Modality: '00080060',
  ModalitiesInStudy: '00080061',
  ReferringPhysicianName: '00080090',
  TimezoneOffsetFromUTC: '00080201',
  StudyDescription: '00081030',
  SeriesDescription: '0008103E',
  ReferencedSOPClassUID: '00081150',
  ReferencedSOPInstanceUID: '00081155',
  RetrieveURL: '00081190',
  FailedSOPSequence: '00081198',
  ReferencedSOPSequence: '00081199',
  FailureReason: '00081197',
  PatientName: '00100010',
  PatientID: '00100020',
  PatientBirthDate: '00100030',
  PatientSex: '00100040',
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  StudyID: '00200010',
  SeriesNumber: '00200011',
  InstanceNumber: '00200013',
  Laterality: '00200060',
  NumberOfStudyRelatedSeries: '00201206',
  NumberOfStudyRelatedInstances: '00201208',
  NumberOfSeriesRelatedInstances: '00201209',
  NumberOfFrames: '00280008',
  Rows: '00280010',
  Columns: '00280011',
  BitsAllocated: '00280100',
  PerformedProcedureStepStartDate: '00400244',
  PerformedProcedureStepStartTime: '00400245',
  RequestAttributesSequence: '00400275',
  PixelData: '7FE00010',
  FloatPixelData: '7FE00008',
  DoubleFloatPixelData: '7FE00009',
} as const;

/**
 * Google's FailureDetail attributes in STOW responses (reference §4.4): the XML form uses
 * (0009,0097), the JSON form (0009,1097).
 */
export const FAILURE_DETAIL_XML = '00090097';
export const FAILURE_DETAIL_JSON = '00091097';

const HEX_TAG = /^[0-9A-Fa-f]{8}$/;

function entryFor(tag: string): { vr: string; name: string } | undefined {
  return dictionary[`(${tag.slice(0, 4)},${tag.slice(4)})`];
}

/**
 * Resolves a query-parameter attribute (`PatientName`, `00100010`) to its 8-hex tag, or
 * `undefined` when it is neither a dictionary keyword nor a tag.
 */
export function resolveTag(attribute: string): string | undefined {
  if (HEX_TAG.test(attribute)) return attribute.toUpperCase();
  const entry = nameMap[attribute];
  if (entry === undefined) return undefined;
  const tag = entry.tag.replace(/[(),]/g, '').toUpperCase();
  return HEX_TAG.test(tag) ? tag : undefined;
}

/** dcmjs's placeholders for tags whose VR depends on the data set, mapped to the usual choice. */
const AMBIGUOUS_VR: Readonly<Record<string, string>> = { ox: 'OW', xs: 'US', lt: 'OW', up: 'UL', na: 'UN' };

/** The dictionary VR of a tag; `UN` for unknown or private tags. */
export function vrOf(tag: string): string {
  const vr = entryFor(tag)?.vr;
  if (vr === undefined) return 'UN';
  return AMBIGUOUS_VR[vr] ?? vr;
}

/** The dictionary keyword of a tag, when it has one. */
export function keywordOf(tag: string): string | undefined {
  return entryFor(tag)?.name;
}
