/** The admin surface: locations, datasets, FHIR and DICOM stores, operations. */

import { datasetRoutes } from './datasets.js';
import { locationRoutes } from './locations.js';
import type { EmulatorModule } from './module.js';
import { operationRoutes } from './operations.js';
import { DICOM_STORE_SPEC, FHIR_STORE_SPEC, storeRoutes } from './stores.js';

/** Routes for everything above the stores' data planes. */
export const adminModule: EmulatorModule = {
  name: 'admin',
  routes: ({ state, operations }) => [
    ...locationRoutes(state),
    ...datasetRoutes(state, operations),
    ...storeRoutes(state, FHIR_STORE_SPEC),
    ...storeRoutes(state, DICOM_STORE_SPEC),
    ...operationRoutes(state, operations),
  ],
};
