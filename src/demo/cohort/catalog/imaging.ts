import type { DemoModality } from '../../imaging-plan.js';
import type { Code } from '../types.js';

/** The storage SOP class of each modality's images: what ImagingStudy.series.instance.sopClass names. */
export const SOP_CLASS: Record<DemoModality, { uid: string; name: string }> = {
  CT: { uid: '1.2.840.10008.5.1.4.1.1.2', name: 'CT Image Storage' },
  MR: { uid: '1.2.840.10008.5.1.4.1.1.4', name: 'MR Image Storage' },
  CR: { uid: '1.2.840.10008.5.1.4.1.1.1', name: 'Computed Radiography Image Storage' },
  DX: { uid: '1.2.840.10008.5.1.4.1.1.1.1', name: 'Digital X-Ray Image Storage - For Presentation' },
  // Every ultrasound instance is a clip (numberOfFrames > 1), hence the multi-frame class.
  US: { uid: '1.2.840.10008.5.1.4.1.1.3.1', name: 'Ultrasound Multi-frame Image Storage' },
};

/** Display names of the DICOM modality codes (DCM code system). */
export const MODALITY_NAME: Record<DemoModality, string> = {
  CT: 'Computed Tomography',
  MR: 'Magnetic Resonance',
  CR: 'Computed Radiography',
  DX: 'Digital Radiography',
  US: 'Ultrasound',
};

export type StudyKey =
  | 'xrChest' | 'xrChestPortable' | 'xrKnee' | 'xrAnkle' | 'xrWrist' | 'xrLumbar' | 'ctChest' | 'ctaChest'
  | 'ctHead' | 'ctAbdomen' | 'mrBrain' | 'mrLumbar' | 'mrKnee' | 'mrShoulder' | 'usAbdomen' | 'usThyroid' | 'usEcho';

export interface StudyTemplate {
  /** `XR` becomes CR or DX, decided per study as departments differ in their equipment. */
  modality: 'XR' | 'CT' | 'MR' | 'US';
  /** Study description; `{SIDE}` is replaced by LEFT or RIGHT. */
  description: string;
  /** DICOM Body Part Examined (0018,0015). */
  bodyPart: string;
  /** SNOMED CT body structure. */
  bodySite: Code;
  series: string[];
  /** Images per series; few, because each one becomes a real DICOM file. */
  instances: readonly [min: number, max: number];
  /** Frames per instance, for clips. */
  frames?: readonly [min: number, max: number];
  /** Impressions a radiologist might write. */
  findings: string[];
}

const CHEST: Code = { code: '51185008', display: 'Thoracic structure (body structure)' };
const KNEE: Code = { code: '72696002', display: 'Knee region structure (body structure)' };
const LUMBAR: Code = { code: '122496007', display: 'Lumbar spine structure (body structure)' };
const ABDOMEN: Code = { code: '113345001', display: 'Abdominal structure (body structure)' };
const NORMAL_CHEST = 'No acute cardiopulmonary process.';

export const STUDIES: Record<StudyKey, StudyTemplate> = {
  xrChest: {
    modality: 'XR', description: 'XR CHEST 2 VIEWS', bodyPart: 'CHEST', bodySite: CHEST,
    series: ['PA', 'Lateral'], instances: [1, 1],
    findings: [NORMAL_CHEST, 'Right lower lobe opacity, compatible with pneumonia.', 'Hyperinflated lungs without focal consolidation.', 'Mild cardiomegaly. No pulmonary edema.'],
  },
  xrChestPortable: {
    modality: 'XR', description: 'XR CHEST 1 VIEW PORTABLE', bodyPart: 'CHEST', bodySite: CHEST,
    series: ['AP Portable'], instances: [1, 2],
    findings: [NORMAL_CHEST, 'Bibasilar atelectasis. No pneumothorax.', 'Small left pleural effusion.'],
  },
  xrKnee: {
    modality: 'XR', description: 'XR KNEE {SIDE} 3 VIEWS', bodyPart: 'KNEE', bodySite: KNEE,
    series: ['AP', 'Lateral', 'Sunrise'], instances: [1, 1],
    findings: ['No fracture or dislocation.', 'Moderate medial compartment joint space narrowing with osteophytes.', 'Small joint effusion.'],
  },
  xrAnkle: {
    modality: 'XR', description: 'XR ANKLE {SIDE} 3 VIEWS', bodyPart: 'ANKLE', bodySite: { code: '70258002', display: 'Ankle joint structure (body structure)' },
    series: ['AP', 'Mortise', 'Lateral'], instances: [1, 1],
    findings: ['No acute fracture. Lateral soft tissue swelling.', 'Nondisplaced fracture of the distal fibula.', 'No fracture or dislocation.'],
  },
  xrWrist: {
    modality: 'XR', description: 'XR WRIST {SIDE} 3 VIEWS', bodyPart: 'WRIST', bodySite: { code: '74670003', display: 'Wrist joint structure (body structure)' },
    series: ['PA', 'Oblique', 'Lateral'], instances: [1, 1],
    findings: ['Minimally displaced fracture of the distal radius.', 'Nondisplaced fracture of the distal radius with dorsal angulation.', 'No fracture identified.'],
  },
  xrLumbar: {
    modality: 'XR', description: 'XR LUMBAR SPINE 2-3 VIEWS', bodyPart: 'LSPINE', bodySite: LUMBAR,
    series: ['AP', 'Lateral', 'Spot L5-S1'], instances: [1, 1],
    findings: ['Mild degenerative disc disease at L4-L5 and L5-S1.', 'No acute osseous abnormality.', 'Normal alignment. Disc heights preserved.'],
  },
  ctChest: {
    modality: 'CT', description: 'CT CHEST W/O CONTRAST', bodyPart: 'CHEST', bodySite: CHEST,
    series: ['Scout', 'Axial 5mm', 'Axial Lung 1.25mm', 'Coronal MPR'], instances: [3, 8],
    findings: ['Centrilobular emphysema. No suspicious nodule.', 'Right lower lobe consolidation.', '4 mm solid nodule in the right upper lobe; no follow-up needed in a low-risk patient.', NORMAL_CHEST],
  },
  ctaChest: {
    modality: 'CT', description: 'CTA CHEST PE PROTOCOL', bodyPart: 'CHEST', bodySite: CHEST,
    series: ['Scout', 'Axial Arterial 1.25mm', 'Coronal MIP', 'Sagittal MPR'], instances: [3, 8],
    findings: ['No pulmonary embolism.', 'No pulmonary embolism. Mild bibasilar atelectasis.', 'Segmental pulmonary embolism in the right lower lobe.'],
  },
  ctHead: {
    modality: 'CT', description: 'CT HEAD W/O CONTRAST', bodyPart: 'HEAD', bodySite: { code: '69536005', display: 'Head structure (body structure)' },
    series: ['Scout', 'Axial Brain 5mm', 'Axial Bone 2mm', 'Coronal MPR'], instances: [3, 8],
    findings: ['No acute intracranial abnormality.', 'No hemorrhage, mass effect or acute infarct.', 'Chronic small vessel ischemic changes. No acute abnormality.'],
  },
  ctAbdomen: {
    modality: 'CT', description: 'CT ABDOMEN PELVIS W CONTRAST', bodyPart: 'ABDOMEN', bodySite: ABDOMEN,
    series: ['Scout', 'Axial Portal Venous 5mm', 'Coronal MPR', 'Sagittal MPR'], instances: [3, 8],
    findings: ['Dilated appendix with periappendiceal fat stranding, compatible with acute appendicitis.', 'No acute abdominal or pelvic process.', 'Cholelithiasis without evidence of cholecystitis.'],
  },
  mrBrain: {
    modality: 'MR', description: 'MR BRAIN W/WO CONTRAST', bodyPart: 'BRAIN', bodySite: { code: '12738006', display: 'Brain structure (body structure)' },
    series: ['Sag T1', 'Ax T2 FLAIR', 'Ax DWI', 'Ax T1 Post Contrast'], instances: [3, 8],
    findings: ['No acute infarct or enhancing lesion.', 'Scattered nonspecific T2 hyperintensities in the white matter.', 'Normal MRI of the brain.'],
  },
  mrLumbar: {
    modality: 'MR', description: 'MR LUMBAR SPINE W/O CONTRAST', bodyPart: 'LSPINE', bodySite: LUMBAR,
    series: ['Sag T1', 'Sag T2', 'Ax T2'], instances: [3, 8],
    findings: ['L4-L5 disc protrusion with mild left foraminal narrowing.', 'Mild multilevel degenerative changes without stenosis.', 'L5-S1 disc extrusion contacting the right S1 nerve root.'],
  },
  mrKnee: {
    modality: 'MR', description: 'MR KNEE {SIDE} W/O CONTRAST', bodyPart: 'KNEE', bodySite: KNEE,
    series: ['Cor PD FS', 'Sag PD', 'Ax T2 FS'], instances: [3, 8],
    findings: ['Tear of the posterior horn of the medial meniscus.', 'Intact ligaments. Mild chondromalacia patellae.', 'Complete tear of the anterior cruciate ligament.'],
  },
  mrShoulder: {
    modality: 'MR', description: 'MR SHOULDER {SIDE} W/O CONTRAST', bodyPart: 'SHOULDER', bodySite: { code: '16982005', display: 'Shoulder region structure (body structure)' },
    series: ['Cor T2 FS', 'Sag T1', 'Ax PD FS'], instances: [3, 8],
    findings: ['Partial-thickness tear of the supraspinatus tendon.', 'Supraspinatus tendinosis without tear.', 'Full-thickness supraspinatus tear with mild retraction.'],
  },
  usAbdomen: {
    modality: 'US', description: 'US ABDOMEN COMPLETE', bodyPart: 'ABDOMEN', bodySite: ABDOMEN,
    series: ['Liver', 'Gallbladder', 'Kidneys'], instances: [1, 3], frames: [6, 16],
    findings: ['Cholelithiasis without sonographic signs of cholecystitis.', 'Normal abdominal ultrasound.', 'Increased renal cortical echogenicity, compatible with medical renal disease.'],
  },
  usThyroid: {
    modality: 'US', description: 'US THYROID', bodyPart: 'THYROID', bodySite: { code: '69748006', display: 'Thyroid structure (body structure)' },
    series: ['Right Lobe', 'Left Lobe'], instances: [1, 3], frames: [6, 16],
    findings: ['Heterogeneous thyroid echotexture, compatible with thyroiditis.', 'Normal thyroid ultrasound.', 'Subcentimeter benign-appearing nodule in the left lobe.'],
  },
  usEcho: {
    modality: 'US', description: 'US ECHOCARDIOGRAM TRANSTHORACIC COMPLETE', bodyPart: 'HEART', bodySite: { code: '80891009', display: 'Heart structure (body structure)' },
    series: ['Parasternal', 'Apical', 'Subcostal'], instances: [1, 3], frames: [8, 24],
    findings: ['Normal left ventricular size and function. Ejection fraction 60%.', 'Mildly reduced left ventricular function. Ejection fraction 45%.', 'Left atrial enlargement. Preserved ejection fraction.'],
  },
};

/** Studies done for no particular complaint (pre-operative films, screening), by weight. */
export const ROUTINE_STUDIES: ReadonlyArray<readonly [number, StudyKey]> = [
  [4, 'xrChest'],
  [1, 'xrLumbar'],
  [1, 'usAbdomen'],
  [1, 'ctChest'],
  [1, 'mrBrain'],
];
