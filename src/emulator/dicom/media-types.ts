/**
 * Media types and Accept negotiation for DICOMweb (PS3.18 8.7): wildcards and q-values, the
 * `type` parameter of `multipart/related`, and the `transfer-syntax` parameter.
 */

import { ApiError } from '../errors.js';

/** A parsed media type: lower-cased type and subtype, parameters with quotes removed. */
export interface MediaType {
  type: string;
  subtype: string;
  params: ReadonlyMap<string, string>;
}

/** One entry of an Accept header. */
export interface MediaRange extends MediaType {
  q: number;
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (c === sep && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** Parses `type/subtype; a=b; c="d"`; `undefined` when malformed. */
export function parseMediaType(text: string): MediaType | undefined {
  const [essence = '', ...rawParams] = splitOutsideQuotes(text, ';');
  const match = /^\s*([\w.+*-]+)\/([\w.+*-]+)\s*$/.exec(essence);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const params = new Map<string, string>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq < 0) continue;
    const name = raw.slice(0, eq).trim().toLowerCase();
    const value = raw.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (name !== '') params.set(name, value);
  }
  return { type: match[1].toLowerCase(), subtype: match[2].toLowerCase(), params };
}

/** Parses an Accept header; a missing or empty one accepts anything. */
function parseAccept(header: string | undefined): MediaRange[] {
  if (header === undefined || header.trim() === '') {
    return [{ type: '*', subtype: '*', params: new Map(), q: 1 }];
  }
  const ranges: MediaRange[] = [];
  for (const item of splitOutsideQuotes(header, ',')) {
    const parsed = parseMediaType(item);
    if (parsed === undefined) continue;
    const params = new Map(parsed.params);
    const q = Number(params.get('q') ?? '1');
    params.delete('q');
    ranges.push({ ...parsed, params, q: Number.isFinite(q) ? q : 0 });
  }
  return ranges;
}

/** A representation a DICOMweb resource can be returned in. */
export interface Offer<K extends string> {
  /** Label the handler switches on. */
  readonly kind: K;
  /** `type/subtype`, e.g. `multipart/related` or `image/jpeg`. */
  readonly mediaType: string;
  /** For `multipart/related`: the media type of the parts. */
  readonly partType?: string;
  /**
   * The transfer syntaxes this representation can be produced in (`*` = as stored); the first is
   * the default. Absent when the representation has no transfer syntax.
   */
  readonly transferSyntaxes?: readonly string[];
}

/** The outcome of negotiation. */
export interface Negotiated<K extends string> {
  readonly kind: K;
  readonly partType: string | undefined;
  /** The requested transfer syntax (or the offer's default); `undefined` when not applicable. */
  readonly transferSyntax: string | undefined;
}

function matchRange<K extends string>(range: MediaRange, offer: Offer<K>): Negotiated<K> | undefined {
  const [type, subtype] = offer.mediaType.split('/');
  if (range.type !== '*' && range.type !== type) return undefined;
  if (range.subtype !== '*' && range.subtype !== subtype) return undefined;
  const requestedPart = range.params.get('type')?.toLowerCase();
  if (requestedPart !== undefined && offer.partType !== undefined && requestedPart !== offer.partType) return undefined;
  const requestedSyntax = range.params.get('transfer-syntax');
  const syntaxes = offer.transferSyntaxes;
  let transferSyntax = syntaxes?.[0];
  if (requestedSyntax !== undefined && syntaxes !== undefined) {
    if (!syntaxes.includes(requestedSyntax)) return undefined;
    transferSyntax = requestedSyntax;
  }
  return { kind: offer.kind, partType: offer.partType, transferSyntax };
}

/**
 * Picks the representation for an Accept header: the highest q-value wins; ties go to the client's
 * order, then to the order of `offers` (put the default first). No match → 406.
 */
export function negotiate<K extends string>(accept: string | undefined, offers: readonly Offer<K>[]): Negotiated<K> {
  let best: { result: Negotiated<K>; q: number } | undefined;
  for (const range of parseAccept(accept)) {
    if (range.q <= 0) continue;
    for (const offer of offers) {
      const result = matchRange(range, offer);
      if (result !== undefined && (best === undefined || range.q > best.q)) best = { result, q: range.q };
    }
  }
  if (best === undefined) throw notAcceptable(accept, offers);
  return best.result;
}

function describeOffer(offer: Offer<string>): string {
  const part = offer.partType === undefined ? '' : `; type="${offer.partType}"`;
  const syntax = offer.transferSyntaxes === undefined ? '' : `; transfer-syntax=${offer.transferSyntaxes.join('|')}`;
  return `${offer.mediaType}${part}${syntax}`;
}

/** 406 listing what the resource can be returned as. */
export function notAcceptable(accept: string | undefined, offers: readonly Offer<string>[]): ApiError {
  return new ApiError(
    406,
    `None of the accepted media types (${accept ?? ''}) is supported here; supported: ${offers.map(describeOffer).join(', ')}.`,
    'INVALID_ARGUMENT',
  );
}
