/**
 * Joins the field resolvers of one GraphQL type written in several modules (a dataset's stores, its
 * IAM fields, its operations, ...). Unlike an object spread, where the last module would silently
 * win, two modules resolving the same field is a programming error, reported at start-up.
 */
export function joinFields<Parts extends object[]>(typeName: string, ...parts: Parts): UnionToIntersection<Parts[number]> {
  const joined: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [field, resolver] of Object.entries(part)) {
      if (field in joined) throw new Error(`${typeName}.${field} is resolved in two modules; keep one`);
      joined[field] = resolver;
    }
  }
  return joined as UnionToIntersection<Parts[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;
