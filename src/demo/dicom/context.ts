/** What every image generator is told about the image it draws. */

import type { InstancePlan, SeriesPlan, StudyPlan } from '../imaging-plan.js';
import type { Region } from './anatomy.js';

export interface ImageContext {
  study: StudyPlan;
  series: SeriesPlan;
  instance: InstancePlan;
  /** Position of the instance in its series (0-based) and the series' size. */
  index: number;
  count: number;
  region: Region;
  /** Seeded from the SOP Instance UID: the noise of an image never changes. */
  random: () => number;
}

/** Where along [-1, 1] the `index`-th of `count` evenly spread images lies, around `center`. */
export function spread(index: number, count: number, center: number, halfSpan: number): number {
  return count <= 1 ? center : center - halfSpan + (2 * halfSpan * index) / (count - 1);
}
