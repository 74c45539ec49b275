/**
 * The DICOMweb part of the emulator (reference §4): QIDO-RS, WADO-RS, STOW-RS and delete on every
 * DICOM store, study/series metrics, and the data plane that keeps each store's instances
 * (in memory, or under the store's data directory when the emulator persists).
 */

import type { EmulatorModule } from '../module.js';
import { DicomStore } from './dicom-store.js';
import { dicomWebRoutes } from './routes.js';

/** Register with `startEmulator({ modules: [dicomWebModule] })` or in `BUILT_IN_MODULES`. */
export const dicomWebModule: EmulatorModule = {
  name: 'dicomweb',
  routes: dicomWebRoutes,
  dicomDataPlane: (store) => DicomStore.open(store),
};
