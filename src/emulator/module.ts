/**
 * How the emulator is assembled: each module (the admin surface, IAM, FHIR REST, DICOMweb, HL7v2,
 * de-identification, fault control) contributes routes and, optionally, the data-plane factory for
 * a store kind.
 */

import type { DicomDataPlaneFactory, FhirDataPlaneFactory, Hl7V2DataPlaneFactory } from './dataplanes.js';
import type { FaultInjector } from './faults.js';
import type { GcsFolder } from './gcs.js';
import type { RouteAccess } from './iam/access.js';
import type { Iam } from './iam/iam.js';
import type { Operations } from './operations.js';
import type { Route } from './router.js';
import type { EmulatorState } from './state.js';

/** What modules' route handlers work with. */
export interface EmulatorServices {
  readonly state: EmulatorState;
  readonly operations: Operations;
  readonly iam: Iam;
  /** The live fault rules and latency (the `/emulator/` control routes change them). */
  readonly faults: FaultInjector;
  /** The folder that stands in for Cloud Storage (imports read it, exports write it). */
  readonly gcs: GcsFolder;
}

/** A route and the Cloud IAM permissions its method needs. */
export interface EmulatorRoute extends Route {
  /** Checked before the handler when IAM is enforced; a route without it is for admins only. */
  readonly access?: RouteAccess;
}

/** One part of the emulator's REST surface. */
export interface EmulatorModule {
  readonly name: string;
  /** Routes, tried in module order and then in list order. */
  routes(services: EmulatorServices): EmulatorRoute[];
  /** Supplies the data plane of every FHIR store (at most one module may). */
  fhirDataPlane?: FhirDataPlaneFactory;
  /** Supplies the data plane of every DICOM store (at most one module may). */
  dicomDataPlane?: DicomDataPlaneFactory;
  /** Supplies the data plane of every HL7v2 store (at most one module may). */
  hl7v2DataPlane?: Hl7V2DataPlaneFactory;
}
