/**
 * The Subscription root: each field opens a stream of its store's events (src/graphql/subscriptions)
 * and resolves each payload it yields; an event's error is thrown here, so it reaches the client as
 * that event's GraphQL error with the usual codes.
 */
import type { SubscriptionResolvers } from '../../generated/graphql.js';
import { dicomInstanceStored } from '../subscriptions/dicom.js';
import { fhirResourceChanged, patientChanged } from '../subscriptions/fhir.js';
import { hl7V2MessageReceived } from '../subscriptions/hl7v2.js';
import type { LivePayload } from '../subscriptions/stream.js';

function payloadValue<T>(payload: LivePayload<T>): T {
  if ('error' in payload) throw payload.error;
  return payload.value;
}

export const subscriptionResolvers: SubscriptionResolvers = {
  fhirResourceChanged: {
    subscribe: (_root, { store, types }, context) => fhirResourceChanged(store, types, context),
    resolve: payloadValue,
  },
  patientChanged: {
    subscribe: (_root, { store, patientId }, context) => patientChanged(store, patientId, context),
    resolve: payloadValue,
  },
  hl7V2MessageReceived: {
    subscribe: (_root, { store, filter }, context) => hl7V2MessageReceived(store, filter, context),
    resolve: payloadValue,
  },
  dicomInstanceStored: {
    subscribe: (_root, { store, studyInstanceUid }, context) => dicomInstanceStored(store, studyInstanceUid, context),
    resolve: payloadValue,
  },
};
