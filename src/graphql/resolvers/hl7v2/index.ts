/** The HL7v2 part of the graph, merged into the resolver map in `../index.ts`. */
import { hl7V2Mutations } from './ingest.js';
import { hl7V2MessageQueries, hl7V2MessageResolvers, hl7V2SegmentResolvers, hl7V2StoreMessageResolvers } from './messages.js';
import { patientHl7V2Resolvers } from './patient.js';
import { hl7V2StoreResolvers } from './stores.js';

export {
  hl7V2MessageQueries as hl7V2Queries, hl7V2MessageResolvers, hl7V2Mutations, hl7V2SegmentResolvers, hl7V2StoreMessageResolvers, hl7V2StoreResolvers,
  patientHl7V2Resolvers,
};
