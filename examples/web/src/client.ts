import { cacheExchange, Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';

/**
 * Every operation is a POST: Apollo Server's CSRF protection refuses GET queries that carry no
 * preflight header, and urql would use GET for short queries.
 */
const client = new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange], preferGetMethod: false });

/**
 * Runs a query and returns its data. Partial results (e.g. the chart without imaging the caller may
 * not read) come back with nulls where the errors were; only a result without data throws.
 */
export async function fetchData<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<Data> {
  const result = await client.query(document, variables).toPromise();
  if (result.data === undefined || result.data === null) throw result.error ?? new Error('The graph returned no data');
  return result.data;
}
