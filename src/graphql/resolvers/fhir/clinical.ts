import type {
  AllergyIntoleranceResolvers, ConditionResolvers, EncounterResolvers, ImmunizationResolvers, MedicationRequestResolvers, ObservationResolvers,
} from '../../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import type { FhirResourceModel } from '../../models.js';
import { commonFhirFields } from './common.js';
import {
  asObjects, asString, asStrings, codeableConcept, codeableConcepts, coding, dateTimeOrPeriodStart, firstCode, observationValueText, periodBound, quantity, references,
} from './datatypes.js';
import { loadReference, loadReferences } from './model.js';

/** The one resource a single Reference field points at, or null. */
function referenced(model: FhirResourceModel, field: unknown, type: string, context: RequestContext) {
  const [reference] = references(field);
  return reference === undefined ? null : loadReference(model, reference, type, context);
}

export const observationResolvers: ObservationResolvers = {
  ...commonFhirFields,
  status: ({ resource }) => asString(resource.status),
  categories: ({ resource }) => codeableConcepts(resource.category),
  code: ({ resource }) => codeableConcept(resource.code),
  effectiveDateTime: ({ resource }) => dateTimeOrPeriodStart(resource, 'effective') ?? asString(resource.effectiveInstant),
  issued: ({ resource }) => asString(resource.issued),
  valueQuantity: ({ resource }) => quantity(resource.valueQuantity),
  valueCodeableConcept: ({ resource }) => codeableConcept(resource.valueCodeableConcept),
  valueString: ({ resource }) => asString(resource.valueString),
  valueDisplay: ({ resource }) => observationValueText(resource),
  components: ({ resource }) => asObjects(resource.component).map((component) => ({
    code: codeableConcept(component.code),
    valueQuantity: quantity(component.valueQuantity),
    valueString: asString(component.valueString),
  })),
  interpretation: ({ resource }) => codeableConcepts(resource.interpretation),
  encounter: (model, _args, context) => referenced(model, model.resource.encounter, 'Encounter', context),
};

export const conditionResolvers: ConditionResolvers = {
  ...commonFhirFields,
  code: ({ resource }) => codeableConcept(resource.code),
  clinicalStatus: ({ resource }) => firstCode(resource.clinicalStatus),
  verificationStatus: ({ resource }) => firstCode(resource.verificationStatus),
  categories: ({ resource }) => codeableConcepts(resource.category),
  onsetDateTime: ({ resource }) => dateTimeOrPeriodStart(resource, 'onset'),
  abatementDateTime: ({ resource }) => dateTimeOrPeriodStart(resource, 'abatement'),
  recordedDate: ({ resource }) => asString(resource.recordedDate),
  encounter: (model, _args, context) => referenced(model, model.resource.encounter, 'Encounter', context),
};

export const encounterResolvers: EncounterResolvers = {
  ...commonFhirFields,
  status: ({ resource }) => asString(resource.status),
  class: ({ resource }) => coding(resource.class),
  types: ({ resource }) => codeableConcepts(resource.type),
  reasons: ({ resource }) => codeableConcepts(resource.reasonCode),
  start: ({ resource }) => periodBound(resource.period, 'start'),
  end: ({ resource }) => periodBound(resource.period, 'end'),
  serviceProvider: (model, _args, context) => referenced(model, model.resource.serviceProvider, 'Organization', context),
  practitioners: (model, _args, context) =>
    loadReferences(model, asObjects(model.resource.participant).flatMap((participant) => references(participant.individual)), 'Practitioner', context),
};

export const medicationRequestResolvers: MedicationRequestResolvers = {
  ...commonFhirFields,
  status: ({ resource }) => asString(resource.status),
  intent: ({ resource }) => asString(resource.intent),
  medication: ({ resource }) => codeableConcept(resource.medicationCodeableConcept),
  authoredOn: ({ resource }) => asString(resource.authoredOn),
  dosageText: ({ resource }) => asString(asObjects(resource.dosageInstruction)[0]?.text),
  requester: (model, _args, context) => referenced(model, model.resource.requester, 'Practitioner', context),
};

/** Reaction manifestations as text. */
function reactionTexts(value: unknown): string[] {
  return asObjects(value)
    .flatMap((reaction) => codeableConcepts(reaction.manifestation))
    .map((manifestation) => manifestation.display)
    .filter((text): text is string => text !== null);
}

export const allergyIntoleranceResolvers: AllergyIntoleranceResolvers = {
  ...commonFhirFields,
  code: ({ resource }) => codeableConcept(resource.code),
  clinicalStatus: ({ resource }) => firstCode(resource.clinicalStatus),
  criticality: ({ resource }) => asString(resource.criticality),
  categories: ({ resource }) => asStrings(resource.category),
  recordedDate: ({ resource }) => asString(resource.recordedDate),
  reactions: ({ resource }) => reactionTexts(resource.reaction),
};

export const immunizationResolvers: ImmunizationResolvers = {
  ...commonFhirFields,
  status: ({ resource }) => asString(resource.status),
  vaccineCode: ({ resource }) => codeableConcept(resource.vaccineCode),
  occurrenceDateTime: ({ resource }) => asString(resource.occurrenceDateTime),
};
