/**
 * How the emulator is assembled: each module (admin surface now; FHIR REST, DICOMweb, HL7v2 later)
 * contributes routes and, optionally, the data-plane factory for a store kind.
 */

import type { DicomDataPlaneFactory, FhirDataPlaneFactory } from './dataplanes.js';
import type { Operations } from './operations.js';
import type { Route } from './router.js';
import type { EmulatorState } from './state.js';

/** What modules' route handlers work with. */
export interface EmulatorServices {
  readonly state: EmulatorState;
  readonly operations: Operations;
}

/** One part of the emulator's REST surface. */
export interface EmulatorModule {
  readonly name: string;
  /** Routes, tried in module order and then in list order. */
  routes(services: EmulatorServices): Route[];
  /** Supplies the data plane of every FHIR store (at most one module may). */
  fhirDataPlane?: FhirDataPlaneFactory;
  /** Supplies the data plane of every DICOM store (at most one module may). */
  dicomDataPlane?: DicomDataPlaneFactory;
}
