/** The DICOM attributes of a demo instance: patient, study, series and image modules from the plan. */

import type { DemoModality, InstancePlan, SeriesPlan, StudyPlan } from '../imaging-plan.js';
import { demoUid } from '../cohort/uids.js';
import type { PixelImage } from './pixel-image.js';
import { lateralityOf } from './protocols.js';

/** Storage SOP class per modality (US is always a clip). */
export const SOP_CLASS_UID: Readonly<Record<DemoModality, string>> = {
  CT: '1.2.840.10008.5.1.4.1.1.2',
  MR: '1.2.840.10008.5.1.4.1.1.4',
  CR: '1.2.840.10008.5.1.4.1.1.1',
  DX: '1.2.840.10008.5.1.4.1.1.1.1',
  US: '1.2.840.10008.5.1.4.1.1.3.1',
};

const FRAME_TIME_TAG = 0x00181063;

/** DICOM Age String (`045Y`) from two DA dates. */
function patientAge(birthDate: string, studyDate: string): string | undefined {
  if (!/^\d{8}$/.test(birthDate) || !/^\d{8}$/.test(studyDate)) return undefined;
  const years = Number(studyDate.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (studyDate.slice(4) < birthDate.slice(4) ? 1 : 0);
  return `${String(Math.max(0, years)).padStart(3, '0')}Y`;
}

/** Decimal strings must fit DS's 16 characters. */
function ds(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Naturalized attributes (dcmjs keywords) of one instance, and its AT-valued attributes. */
export function instanceAttributes(
  study: StudyPlan,
  series: SeriesPlan,
  instance: InstancePlan,
  image: PixelImage,
): { attributes: Record<string, unknown>; tagAttributes: Record<string, number> } {
  const { patient } = study;
  const geometry = image.geometry;
  const attributes: Record<string, unknown> = {
    SpecificCharacterSet: 'ISO_IR 192',
    ImageType: ['ORIGINAL', 'PRIMARY'],
    SOPClassUID: SOP_CLASS_UID[series.modality],
    SOPInstanceUID: instance.sopInstanceUid,
    StudyDate: study.studyDate,
    SeriesDate: study.studyDate,
    ContentDate: study.studyDate,
    StudyTime: study.studyTime,
    SeriesTime: study.studyTime,
    ContentTime: study.studyTime,
    AccessionNumber: study.accessionNumber,
    Modality: series.modality,
    Manufacturer: 'Healthcare Graph',
    InstitutionName: 'Healthcare Graph Demo Hospital',
    ReferringPhysicianName: study.referringPhysicianName,
    StudyDescription: study.description,
    SeriesDescription: series.description,
    ManufacturerModelName: 'Synthetic Phantom',
    PatientName: patient.dicomName,
    PatientID: patient.mrn,
    PatientBirthDate: patient.birthDate,
    PatientSex: patient.sex,
    PatientAge: patientAge(patient.birthDate, study.studyDate),
    BodyPartExamined: series.bodyPart,
    StudyInstanceUID: study.studyInstanceUid,
    SeriesInstanceUID: series.seriesInstanceUid,
    // SH allows 16 characters; accession numbers are the study's natural short id.
    StudyID: study.accessionNumber.slice(-16),
    SeriesNumber: series.seriesNumber,
    InstanceNumber: instance.instanceNumber,
    Laterality: lateralityOf(`${study.description} ${series.description}`),
    SamplesPerPixel: 1,
    PhotometricInterpretation: image.photometricInterpretation,
    Rows: image.rows,
    Columns: image.columns,
    BitsAllocated: image.bitsAllocated,
    BitsStored: image.bitsStored,
    HighBit: image.bitsStored - 1,
    PixelRepresentation: 0,
    WindowCenter: image.window.center,
    WindowWidth: image.window.width,
    WindowCenterWidthExplanation: image.window.explanation,
    LossyImageCompression: '00',
    ...image.attributes,
  };
  if (image.numberOfFrames > 1 || series.modality === 'US') attributes['NumberOfFrames'] = image.numberOfFrames;
  if (image.rescale !== undefined) {
    attributes['RescaleIntercept'] = image.rescale.intercept;
    attributes['RescaleSlope'] = image.rescale.slope;
    attributes['RescaleType'] = image.rescale.type;
  }
  if (geometry !== undefined) {
    attributes['ImagePositionPatient'] = geometry.position.map(ds);
    attributes['ImageOrientationPatient'] = geometry.orientation.map(ds);
    attributes['PixelSpacing'] = geometry.pixelSpacing.map(ds);
    attributes['SliceThickness'] = ds(geometry.sliceThickness);
    attributes['SliceLocation'] = ds(geometry.sliceLocation);
    // One frame of reference per series: its slices share a patient coordinate system.
    attributes['FrameOfReferenceUID'] = demoUid(`${series.seriesInstanceUid}/frame-of-reference`);
  }
  const tagAttributes: Record<string, number> = series.modality === 'US' ? { '00280009': FRAME_TIME_TAG } : {};
  return { attributes, tagAttributes };
}
