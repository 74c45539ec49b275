/** Small, deterministic study plans for tests and tools that need DICOM without the whole cohort. */

import { demoUid } from '../cohort/uids.js';
import type { DemoModality, StudyPlan } from '../imaging-plan.js';

export interface SampleSeries {
  description: string;
  /** Default 1. */
  instances?: number;
  /** Frames per instance (ultrasound clips); default 1, or 8 for US. */
  frames?: number;
}

export interface SamplePlanOptions {
  /** Makes the UIDs: the same seed gives the same plan. Default `sample`. */
  seed?: string;
  modality?: DemoModality;
  bodyPart?: string;
  description?: string;
  series?: SampleSeries[];
  studyDate?: string;
  accessionNumber?: string;
  patient?: Partial<StudyPlan['patient']>;
}

const DEFAULTS: Readonly<Record<DemoModality, { bodyPart: string; description: string; series: SampleSeries[] }>> = {
  CT: { bodyPart: 'CHEST', description: 'CT CHEST W/O CONTRAST', series: [{ description: 'Axial 5mm', instances: 4 }] },
  MR: { bodyPart: 'BRAIN', description: 'MR BRAIN W/O CONTRAST', series: [{ description: 'Ax T2', instances: 3 }] },
  CR: { bodyPart: 'CHEST', description: 'XR CHEST 1 VIEW', series: [{ description: 'PA' }] },
  DX: { bodyPart: 'CHEST', description: 'XR CHEST 2 VIEWS', series: [{ description: 'PA' }, { description: 'Lateral' }] },
  US: { bodyPart: 'ABDOMEN', description: 'US ABDOMEN COMPLETE', series: [{ description: 'Liver', frames: 8 }] },
};

/** A plan for one study; unspecified parts get plausible defaults for the modality. */
export function sampleStudyPlan(options: SamplePlanOptions = {}): StudyPlan {
  const seed = options.seed ?? 'sample';
  const modality = options.modality ?? 'CT';
  const defaults = DEFAULTS[modality];
  const studyInstanceUid = demoUid(`${seed}/study`);
  return {
    studyInstanceUid,
    accessionNumber: options.accessionNumber ?? `ACC${demoUid(`${seed}/accession`).slice(-8)}`,
    studyDate: options.studyDate ?? '20240115',
    studyTime: '093000',
    description: options.description ?? defaults.description,
    referringPhysicianName: 'Welby^Marcus',
    patient: {
      fhirId: `patient-${seed}`,
      mrn: `MRN${demoUid(`${seed}/mrn`).slice(-7)}`,
      dicomName: 'Doe^Jane',
      birthDate: '19800214',
      sex: 'F',
      ...options.patient,
    },
    series: (options.series ?? defaults.series).map((s, i) => ({
      seriesInstanceUid: demoUid(`${seed}/series/${i}`),
      seriesNumber: i + 1,
      modality,
      description: s.description,
      bodyPart: options.bodyPart ?? defaults.bodyPart,
      instances: Array.from({ length: s.instances ?? 1 }, (_, j) => ({
        sopInstanceUid: demoUid(`${seed}/series/${i}/instance/${j}`),
        instanceNumber: j + 1,
        numberOfFrames: s.frames ?? (modality === 'US' ? 8 : 1),
      })),
    })),
  };
}
