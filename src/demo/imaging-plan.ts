/**
 * The imaging half of the demo cohort, as the cohort generator decides it and the DICOM generator
 * writes it: one plan per study, shared so that DICOM PatientID = the FHIR Patient's MRN and each
 * DICOM study is mirrored by a FHIR ImagingStudy whose identifier is `urn:oid:<StudyInstanceUID>`.
 */

export type DemoModality = 'CT' | 'MR' | 'CR' | 'DX' | 'US';

export interface InstancePlan {
  sopInstanceUid: string;
  instanceNumber: number;
  /** 1 for single-frame images; more for a multi-frame instance (e.g. an ultrasound clip). */
  numberOfFrames: number;
}

export interface SeriesPlan {
  seriesInstanceUid: string;
  seriesNumber: number;
  modality: DemoModality;
  description: string;
  bodyPart: string;
  instances: InstancePlan[];
}

export interface StudyPlan {
  studyInstanceUid: string;
  accessionNumber: string;
  /** `YYYYMMDD` and `HHMMSS`, DICOM DA/TM form. */
  studyDate: string;
  studyTime: string;
  description: string;
  referringPhysicianName: string;
  series: SeriesPlan[];
  patient: {
    /** FHIR Patient id in the demo FHIR store. */
    fhirId: string;
    /** The MRN: DICOM PatientID (0010,0020) and the Patient identifier with type code MR. */
    mrn: string;
    /** DICOM PN form, `Family^Given`. */
    dicomName: string;
    /** `YYYYMMDD`. */
    birthDate: string;
    /** DICOM PatientSex: M, F or O. */
    sex: 'M' | 'F' | 'O';
  };
}
