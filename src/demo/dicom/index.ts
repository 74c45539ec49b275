/**
 * Real DICOM Part 10 files for the demo cohort: each study plan becomes instances with the plan's
 * identifiers and synthetic pixel data that looks like what the modality would show — CT and MR
 * slices through a phantom, chest and bone radiographs, ultrasound clips with moving speckle.
 */

import type { InstancePlan, SeriesPlan, StudyPlan } from '../imaging-plan.js';
import { regionOf } from './anatomy.js';
import { instanceAttributes } from './attributes.js';
import type { ImageContext } from './context.js';
import { ctImage, mrImage } from './cross-sections.js';
import { writePart10 } from './part10-writer.js';
import type { PixelImage } from './pixel-image.js';
import { radiograph } from './radiographs.js';
import { seededRandom } from './random.js';
import { ultrasoundClip } from './ultrasound.js';

export { sampleStudyPlan, type SamplePlanOptions, type SampleSeries } from './sample-plan.js';
export { SOP_CLASS_UID } from './attributes.js';

/** One written instance. */
export interface WrittenInstance {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  /** The Part 10 file (Explicit VR Little Endian). */
  bytes: Uint8Array;
}

function imageFor(ctx: ImageContext): PixelImage {
  switch (ctx.series.modality) {
    case 'CT':
      return ctImage(ctx);
    case 'MR':
      return mrImage(ctx);
    case 'CR':
      return radiograph(ctx, false);
    case 'DX':
      return radiograph(ctx, true);
    case 'US':
      return ultrasoundClip(ctx);
  }
}

function writeInstance(study: StudyPlan, series: SeriesPlan, instance: InstancePlan, index: number): WrittenInstance {
  const ctx: ImageContext = {
    study,
    series,
    instance,
    index,
    count: series.instances.length,
    region: regionOf(series.bodyPart),
    random: seededRandom(instance.sopInstanceUid),
  };
  return writeInstanceImage(study, series, instance, imageFor(ctx));
}

/** Writes one instance of a plan as a Part 10 file around a given image (the benchmark's small stand-ins use this). */
export function writeInstanceImage(study: StudyPlan, series: SeriesPlan, instance: InstancePlan, image: PixelImage): WrittenInstance {
  const { attributes, tagAttributes } = instanceAttributes(study, series, instance, image);
  const bytes = writePart10({
    sopClassUid: String(attributes['SOPClassUID']),
    sopInstanceUid: instance.sopInstanceUid,
    attributes,
    tagAttributes,
    pixelData: image.pixelData,
    pixelVr: image.bitsAllocated === 8 ? 'OB' : 'OW',
  });
  return { sopInstanceUid: instance.sopInstanceUid, seriesInstanceUid: series.seriesInstanceUid, bytes };
}

/** Writes every instance of a study plan, series by series, in instance order. */
export function writeStudyInstances(plan: StudyPlan): WrittenInstance[] {
  return plan.series.flatMap((series) => series.instances.map((instance, index) => writeInstance(plan, series, instance, index)));
}
