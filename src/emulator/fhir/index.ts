/**
 * The FHIR R4 store data plane of the emulator: the REST surface under
 * `…/fhirStores/{s}/fhir/` and the per-store data (`FhirStore`). Register `fhirModule` in the
 * emulator's module list to serve it.
 */

import type { EmulatorModule } from '../module.js';
import { fhirRoutes } from './routes.js';
import { FhirStore } from './store.js';

/** FHIR REST (CRUD, search, history, `$everything`, `executeBundle`) over per-store data planes. */
export const fhirModule: EmulatorModule = {
  name: 'fhir',
  routes: fhirRoutes,
  fhirDataPlane: (store) => FhirStore.open(store),
};

