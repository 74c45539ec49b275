import { GraphQLScalarType } from 'graphql';
import { JSONResolver, LocalDateResolver, LocalDateTimeResolver } from 'graphql-scalars';

/**
 * Dates stay strings end to end: FHIR dates can be partial and FHIR instants carry microseconds,
 * which a JavaScript Date would lose.
 */
export const scalarResolvers = {
  JSON: JSONResolver,
  Date: new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date' }),
  DateTime: new GraphQLScalarType({ ...LocalDateTimeResolver.toConfig(), name: 'DateTime' }),
};
