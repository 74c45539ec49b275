/**
 * De-identification (reference §7.3): `datasets.deidentify`, `fhirStores.deidentify` and
 * `dicomStores.deidentify` as long-running operations that copy FHIR resources and DICOM instances
 * de-identified into a destination, never touching the source.
 */

import type { EmulatorModule } from '../module.js';
import { deidentifyRoutes } from './routes.js';

/** Registered in `BUILT_IN_MODULES`; it reads and writes the FHIR and DICOM data planes. */
export const deidentifyModule: EmulatorModule = {
  name: 'deidentify',
  routes: deidentifyRoutes,
};
