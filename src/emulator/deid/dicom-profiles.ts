/**
 * The attribute lists behind `DicomConfig.filterProfile`, by keyword (resolved to tags once).
 *
 * - `MINIMAL_KEEP`: what a de-identified instance needs to stay a valid, viewable image: its
 *   identity (UIDs, SOP class, modality) and the Image Pixel module. Every other attribute goes.
 * - `BASIC_PROFILE_REMOVE` / `BASIC_PROFILE_EMPTY`: DICOM PS3.15 Annex E Table E.1-1, Basic
 *   Application Level Confidentiality Profile, actions X (remove) and Z (zero length) for the
 *   attributes that commonly occur in practice. Dates, person names, PatientID and UIDs are
 *   handled by rule in `dicom-transform.ts` rather than listed here.
 */

import { resolveTag } from '../dicom/tags.js';

function tags(keywords: readonly string[]): ReadonlySet<string> {
  return new Set(
    keywords.map((keyword) => {
      const tag = resolveTag(keyword);
      if (tag === undefined) throw new Error(`Unknown DICOM keyword in a de-identification profile: ${keyword}`);
      return tag;
    }),
  );
}

/** Kept under `MINIMAL_KEEP_LIST_PROFILE`, and always kept with a `keepList`. */
export const MINIMAL_KEEP: ReadonlySet<string> = tags([
  'SpecificCharacterSet', 'ImageType', 'SOPClassUID', 'SOPInstanceUID', 'Modality',
  'PatientID', 'StudyInstanceUID', 'SeriesInstanceUID', 'SeriesNumber', 'InstanceNumber',
  'SamplesPerPixel', 'PhotometricInterpretation', 'PlanarConfiguration', 'NumberOfFrames',
  'FrameIncrementPointer', 'FrameTime', 'Rows', 'Columns', 'PixelSpacing', 'BitsAllocated',
  'BitsStored', 'HighBit', 'PixelRepresentation', 'WindowCenter', 'WindowWidth',
  'RescaleIntercept', 'RescaleSlope', 'RescaleType', 'LossyImageCompression', 'PixelData',
]);

/** Annex E action X. */
export const BASIC_PROFILE_REMOVE: ReadonlySet<string> = tags([
  'InstitutionName', 'InstitutionAddress', 'InstitutionalDepartmentName', 'StationName',
  'ReferringPhysicianAddress', 'ReferringPhysicianTelephoneNumbers', 'PhysiciansOfRecord',
  'PerformingPhysicianName', 'NameOfPhysiciansReadingStudy', 'OperatorsName',
  'AdmittingDiagnosesDescription', 'DerivationDescription', 'StudyDescription', 'SeriesDescription',
  'ImageComments', 'RequestAttributesSequence', 'IssuerOfPatientID', 'PatientBirthTime',
  'OtherPatientIDsSequence', 'OtherPatientNames', 'PatientBirthName', 'PatientAge', 'PatientSize',
  'PatientWeight', 'PatientAddress', 'PatientMotherBirthName', 'MilitaryRank', 'BranchOfService',
  'MedicalRecordLocator', 'CountryOfResidence', 'RegionOfResidence', 'PatientTelephoneNumbers',
  'EthnicGroup', 'Occupation', 'AdditionalPatientHistory', 'PatientComments', 'DeviceSerialNumber',
  'ProtocolName', 'PerformedProcedureStepID', 'PerformedProcedureStepDescription',
  'RequestingPhysician', 'RequestingService', 'ScheduledPerformingPhysicianName',
  'ResponsiblePerson', 'ResponsibleOrganization', 'ContentCreatorName',
  'InstitutionCodeSequence', 'ReferringPhysicianIdentificationSequence',
]);

/** Annex E action Z (present, zero length: these are Type 2, so the attribute must stay). */
export const BASIC_PROFILE_EMPTY: ReadonlySet<string> = tags([
  'AccessionNumber', 'StudyID', 'ReferringPhysicianName', 'PatientName', 'PatientSex',
]);

/** Value representations `DEIDENTIFY_TAG_CONTENTS` inspects (Google's list). */
export const INSPECTED_VRS: ReadonlySet<string> = new Set(['AE', 'LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UT', 'DA', 'DT', 'AS']);

/** UIDs under this root are defined by the standard (SOP classes, transfer syntaxes): never replaced. */
export const STANDARD_UID_ROOT = '1.2.840.10008.';
