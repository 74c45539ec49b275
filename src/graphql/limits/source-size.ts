import { Lexer, Source, TokenKind, type GraphQLError } from 'graphql';
import { queryTooComplex } from './errors.js';
import type { QueryLimits } from './query-limits.js';

/**
 * Checks the document text against `maxCharacters` and `maxTokens` without parsing it. Characters
 * come first, so at most `maxCharacters` of text is ever lexed here.
 */
export function sourceSizeViolation(source: string, limits: Pick<QueryLimits, 'maxCharacters' | 'maxTokens'>): GraphQLError | undefined {
  if (source.length > limits.maxCharacters) {
    return queryTooComplex('characters', `Query length ${source.length} characters exceeds the limit of ${limits.maxCharacters}`, source.length, limits.maxCharacters);
  }
  const tokens = countTokens(source);
  if (tokens > limits.maxTokens) {
    return queryTooComplex('tokens', `Query token count ${tokens} exceeds the limit of ${limits.maxTokens}`, tokens, limits.maxTokens);
  }
  return undefined;
}

/** Tokens the way graphql-js's `maxTokens` parse option counts them: comments and the end are free. */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // Not lexable: the parser reports the syntax error; the tokens before it still count.
  }
  return count;
}
