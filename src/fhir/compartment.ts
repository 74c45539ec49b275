/**
 * The Patient compartment (FHIR R4 CompartmentDefinition `patient`): for each resource type, the
 * element paths whose reference to a Patient puts the resource in that patient's compartment.
 * Paths are in the form `LocalRef.path` records (`participant.actor`). Shared by the emulator's
 * `$everything` and the graph's `patientChanged`.
 */

const PATIENT_COMPARTMENT: Readonly<Record<string, readonly string[]>> = {
  Account: ['subject'],
  AdverseEvent: ['subject'],
  AllergyIntolerance: ['patient', 'recorder', 'asserter'],
  Appointment: ['participant.actor'],
  AppointmentResponse: ['actor'],
  AuditEvent: ['agent.who', 'entity.what'],
  Basic: ['subject', 'author'],
  BodyStructure: ['patient'],
  CarePlan: ['subject', 'activity.detail.performer'],
  CareTeam: ['subject', 'participant.member'],
  ChargeItem: ['subject'],
  Claim: ['patient', 'payee.party'],
  ClaimResponse: ['patient'],
  ClinicalImpression: ['subject'],
  Communication: ['subject', 'sender', 'recipient'],
  CommunicationRequest: ['subject', 'sender', 'recipient', 'requester'],
  Composition: ['subject', 'author', 'attester.party'],
  Condition: ['subject', 'asserter'],
  Consent: ['patient'],
  Coverage: ['policyHolder', 'subscriber', 'beneficiary', 'payor'],
  CoverageEligibilityRequest: ['patient'],
  CoverageEligibilityResponse: ['patient'],
  DetectedIssue: ['patient'],
  DeviceRequest: ['subject', 'performer'],
  DeviceUseStatement: ['subject'],
  DiagnosticReport: ['subject'],
  DocumentManifest: ['subject', 'author', 'recipient'],
  DocumentReference: ['subject', 'author'],
  Encounter: ['subject'],
  EnrollmentRequest: ['candidate'],
  EpisodeOfCare: ['patient'],
  ExplanationOfBenefit: ['patient', 'payee.party'],
  FamilyMemberHistory: ['patient'],
  Flag: ['subject'],
  Goal: ['subject'],
  Group: ['member.entity'],
  ImagingStudy: ['subject'],
  Immunization: ['patient'],
  ImmunizationEvaluation: ['patient'],
  ImmunizationRecommendation: ['patient'],
  Invoice: ['subject', 'recipient'],
  List: ['subject', 'source'],
  MeasureReport: ['subject'],
  Media: ['subject'],
  MedicationAdministration: ['subject', 'performer.actor'],
  MedicationDispense: ['subject', 'receiver'],
  MedicationRequest: ['subject'],
  MedicationStatement: ['subject'],
  MolecularSequence: ['patient'],
  NutritionOrder: ['patient'],
  Observation: ['subject', 'performer'],
  Patient: ['link.other'],
  Person: ['link.target'],
  Procedure: ['subject', 'performer.actor'],
  Provenance: ['target'],
  QuestionnaireResponse: ['subject', 'author'],
  RelatedPerson: ['patient'],
  RequestGroup: ['subject', 'action.participant'],
  ResearchSubject: ['individual'],
  RiskAssessment: ['subject'],
  Schedule: ['actor'],
  ServiceRequest: ['subject', 'performer'],
  Specimen: ['subject'],
  SupplyDelivery: ['patient'],
  VisionPrescription: ['patient'],
};

/** True when a reference at `path` in a resource of `type` places it in the referenced patient's compartment. */
export function inPatientCompartment(type: string, path: string): boolean {
  return PATIENT_COMPARTMENT[type]?.includes(path) ?? false;
}

/** Whether a resource type has a Patient compartment at all (else no resource of it ever belongs to one). */
export function hasPatientCompartment(type: string): boolean {
  return Object.hasOwn(PATIENT_COMPARTMENT, type);
}

/** The values at a dotted element path, arrays flattened at every step. */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return [value];
  if (typeof value !== 'object' || value === null) return [];
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
}

/**
 * True when the resource is in Patient/{patientId}'s compartment: the patient itself, or one of its
 * type's compartment elements is a reference to that patient (`Patient/{id}`, an absolute URL ending
 * so, optionally with `/_history/{v}`).
 */
export function inCompartmentOf(resource: { resourceType: string; id?: string }, patientId: string): boolean {
  if (resource.resourceType === 'Patient' && resource.id === patientId) return true;
  const wanted = new RegExp(`(?:^|/)Patient/${patientId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/_history/[^/]+)?$`);
  return (PATIENT_COMPARTMENT[resource.resourceType] ?? []).some((path) =>
    valuesAt(resource, path.split('.')).some((reference) => {
      const text = (reference as { reference?: unknown } | null)?.reference;
      return typeof text === 'string' && wanted.test(text);
    }));
}
