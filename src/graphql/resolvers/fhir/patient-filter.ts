/**
 * `PatientFilter` → FHIR search parameters, mapped as Google's MCP toolbox maps its 18 patient
 * filters (`cloud-healthcare-fhir-patient-search`), so a query means the same in both. Values are
 * checked before any upstream call and always travel as values.
 */
import { badUserInput } from '../../../errors.js';
import type { PatientFilter } from '../../../generated/graphql.js';
import { searchParam } from './lists.js';

/** BCP-47 language tags as FHIR codes them: a primary language, then subtags (`en`, `pt-BR`, `zh-Hant-TW`). */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,7}$/;

type Rule = (filter: PatientFilter) => [string, string][];

/** A filter passed on as it is (string parameters match by prefix, tokens exactly). */
const text = (field: keyof PatientFilter & string, param: string): Rule => (filter) => {
  const value = filter[field];
  return typeof value === 'string' && value !== '' ? [searchParam(param, value)] : [];
};

/** A filter whose value must be one of a few codes. */
const coded = (field: keyof PatientFilter & string, param: string, codes: readonly string[]): Rule => (filter) => {
  const value = filter[field];
  if (typeof value !== 'string' || value === '') return [];
  if (!codes.includes(value)) throw badUserInput(`${field} must be one of ${codes.join(', ')}`);
  return [[param, value]];
};

/** A date range: `ge` for the first bound, `le` for the second, as a repeated parameter. */
const dateRange = (param: string, from: 'birthDateFrom' | 'deathDateFrom', to: 'birthDateTo' | 'deathDateTo'): Rule => (filter) => [
  ...(filter[from] ? [[param, `ge${filter[from]}`] as [string, string]] : []),
  ...(filter[to] ? [[param, `le${filter[to]}`] as [string, string]] : []),
];

const flag = (field: 'active' | 'deceased'): Rule => (filter) => (typeof filter[field] === 'boolean' ? [[field, String(filter[field])]] : []);

/** The rules, in the order their parameters are sent. */
const RULES: Rule[] = [
  // Every word of `name` must match some name part.
  (filter) => (filter.name?.trim().split(/\s+/).filter(Boolean) ?? []).map((word) => searchParam('name', word)),
  text('family', 'family'),
  text('given', 'given'),
  coded('gender', 'gender', ['male', 'female', 'other', 'unknown']),
  text('identifier', 'identifier'),
  dateRange('birthdate', 'birthDateFrom', 'birthDateTo'),
  flag('active'),
  flag('deceased'),
  dateRange('death-date', 'deathDateFrom', 'deathDateTo'),
  text('address', 'address'),
  text('city', 'address-city'),
  text('state', 'address-state'),
  text('postalCode', 'address-postalcode'),
  text('country', 'address-country'),
  coded('addressUse', 'address-use', ['home', 'work', 'temp', 'old', 'billing']),
  text('email', 'email'),
  text('phone', 'phone'),
  (filter) => {
    if (!filter.language) return [];
    if (!LANGUAGE_TAG.test(filter.language)) throw badUserInput('language must be a BCP-47 code such as en, es or pt-BR');
    return [['language', filter.language]];
  },
];

/** FHIR search parameters for a PatientFilter; all must match. */
export function patientSearchParams(filter: PatientFilter | null | undefined): [string, string][] {
  return filter ? RULES.flatMap((rule) => rule(filter)) : [];
}
