/**
 * Reading acquisition details out of the plan's free-text descriptions ("Ax T2 FLAIR",
 * "Axial Lung 1.25mm", "Lateral", "CTA CHEST PE PROTOCOL"), the way a technologist would.
 */

import type { ContrastPhase, MrProtocol } from './tissues.js';

export type Orientation = 'axial' | 'coronal' | 'sagittal';

/** Slice orientation; axial unless the description says otherwise. */
export function orientationOf(description: string): Orientation {
  if (/\bsag/i.test(description)) return 'sagittal';
  if (/\bcor/i.test(description)) return 'coronal';
  return 'axial';
}

/** True for a projection image taken to plan the slices (CT scout / localizer). */
export function isLocalizer(description: string): boolean {
  return /scout|localizer|topogram/i.test(description);
}

/** True for a maximum intensity projection reformat. */
export function isMip(description: string): boolean {
  return /\bMIP\b/i.test(description);
}

/** True for a reconstruction rather than an acquired image (MPR, MIP). */
export function isReformat(description: string): boolean {
  return /\b(MPR|MIP)\b/i.test(description);
}

/** The iodinated contrast phase of a CT study or series. */
export function contrastPhase(studyDescription: string, seriesDescription: string): ContrastPhase {
  const text = `${studyDescription} ${seriesDescription}`;
  if (/\bCTA\b|arterial|\bPE\b/i.test(text)) return 'arterial';
  if (/W\/O|WITHOUT/i.test(text) && !/W\/WO/i.test(text)) return 'none';
  if (/\bW\b.*CONTRAST|venous|W\/WO/i.test(text)) return 'venous';
  return 'none';
}

/** The CT display window a series is read in. */
export function ctWindow(seriesDescription: string, brain: boolean, phase: ContrastPhase): { center: number; width: number; explanation: string } {
  if (/lung/i.test(seriesDescription)) return { center: -600, width: 1500, explanation: 'LUNG' };
  if (/bone/i.test(seriesDescription)) return { center: 500, width: 2000, explanation: 'BONE' };
  if (brain) return { center: 40, width: 80, explanation: 'BRAIN' };
  if (phase === 'arterial') return { center: 150, width: 600, explanation: 'ANGIO' };
  return { center: 40, width: 400, explanation: 'SOFT TISSUE' };
}

/** The MR weighting, fat suppression and contrast of a series. */
export function mrProtocol(seriesDescription: string): MrProtocol {
  const d = seriesDescription;
  const weighting = /FLAIR/i.test(d) ? 'FLAIR' : /DWI|DIFF/i.test(d) ? 'DWI' : /T1/i.test(d) ? 'T1' : /\bPD\b/i.test(d) ? 'PD' : 'T2';
  return {
    weighting,
    fatSuppressed: /\bFS\b|FAT ?SAT|STIR/i.test(d),
    contrast: /POST|\+C\b|GAD/i.test(d),
  };
}

/** Typical repetition and echo times (ms) of a weighting, for the MR header. */
export function mrTiming(protocol: MrProtocol): { repetitionTime: number; echoTime: number } {
  switch (protocol.weighting) {
    case 'T1':
      return { repetitionTime: 550, echoTime: 12 };
    case 'PD':
      return { repetitionTime: 2800, echoTime: 30 };
    case 'FLAIR':
      return { repetitionTime: 9000, echoTime: 120 };
    case 'DWI':
      return { repetitionTime: 5000, echoTime: 85 };
    case 'T2':
      return { repetitionTime: 4000, echoTime: 100 };
  }
}

export type RadiographView = 'frontal' | 'lateral' | 'oblique' | 'axial';

/** The projection of a radiograph series ("PA", "Lateral", "Mortise", "Sunrise"). */
export function radiographView(seriesDescription: string): RadiographView {
  if (/lat/i.test(seriesDescription) || /spot/i.test(seriesDescription)) return 'lateral';
  if (/sunrise|axial|merchant/i.test(seriesDescription)) return 'axial';
  if (/oblique|mortise/i.test(seriesDescription)) return 'oblique';
  return 'frontal';
}

/** DICOM View Position (0018,5101) of a radiograph. */
export function viewPosition(seriesDescription: string, view: RadiographView): string {
  if (view === 'lateral') return 'LL';
  if (/\bPA\b/i.test(seriesDescription)) return 'PA';
  if (view === 'frontal' || view === 'oblique') return 'AP';
  return '';
}

/** DICOM Laterality from a description naming a side. */
export function lateralityOf(description: string): 'L' | 'R' | undefined {
  if (/\bLEFT\b/i.test(description)) return 'L';
  if (/\bRIGHT\b/i.test(description)) return 'R';
  return undefined;
}
