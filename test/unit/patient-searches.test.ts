/** Planning merged per-patient searches and splitting their answers, without a server. */
import { describe, expect, it } from '@jest/globals';
import { AccessPolicy } from '../../src/access/policy.js';
import type { Bundle, BundleEntry } from '../../src/healthcare/fhir.js';
import type { SearchKey } from '../../src/loaders/fhir.js';
import { planPatientSearches, splitMerged } from '../../src/loaders/patient-searches.js';

const access = new AccessPolicy({ project: 'p', location: 'l' });
const store = access.checkStore({ project: 'p', location: 'l', dataset: 'd', kind: 'fhirStores', store: 'f' });
const otherStore = access.checkStore({ project: 'p', location: 'l', dataset: 'd', kind: 'fhirStores', store: 'g' });

const vitals = (patient: string, count = 5, extra: [string, string][] = []): SearchKey => ({
  store,
  segments: ['Observation'],
  params: [['subject', `Patient/${patient}`], ['category', 'vital-signs'], ['_sort', '-date'], ...extra, ['_count', String(count)]],
});

const observation = (id: string, patient: string, mode: 'match' | 'include' = 'match'): BundleEntry =>
  ({ resource: { resourceType: 'Observation', id, subject: { reference: `Patient/${patient}` } }, search: { mode } });
const bundle = (entries: BundleEntry[], next = false): Bundle =>
  ({ resourceType: 'Bundle', type: 'searchset', entry: entries, ...(next ? { link: [{ relation: 'next', url: 'https://x/next' }] } : {}) });

describe('planPatientSearches', () => {
  it('merges the same search about several patients into one subject=a,b,c search with _count=1000', () => {
    const plan = planPatientSearches([vitals('a'), vitals('b'), vitals('c')]);
    expect(plan.single).toEqual([]);
    expect(plan.merged).toHaveLength(1);
    expect(plan.merged[0]!.key.params).toEqual([
      ['subject', 'Patient/a,Patient/b,Patient/c'], ['category', 'vital-signs'], ['_sort', '-date'], ['_count', '1000'],
    ]);
    expect(plan.merged[0]!.members.map((member) => [member.index, member.patient, member.count])).toEqual([[0, 'a', 5], [1, 'b', 5], [2, 'c', 5]]);
  });

  it('keeps apart searches that differ in anything but the patient: store, other parameters, count', () => {
    const keys = [vitals('a'), { ...vitals('b'), store: otherStore }, vitals('c', 5, [['code', 'x']]), vitals('d', 7), vitals('e')];
    const plan = planPatientSearches(keys);
    expect(plan.merged.map((group) => group.members.map((member) => member.patient))).toEqual([['a', 'e']]);
    expect(plan.single.map((single) => single.index).sort()).toEqual([1, 2, 3]);
  });

  it.each<[string, SearchKey]>([
    ['a search with two patient parameters', { ...vitals('a'), params: [['subject', 'Patient/a'], ['patient', 'Patient/a'], ['_count', '5']] }],
    ['a search without _count', { ...vitals('a'), params: [['subject', 'Patient/a']] }],
    ['a search asking for 1000 or more', vitals('a', 1000)],
    ['a continued page', vitals('a', 5, [['_page_token', 't']])],
    ['a summary', vitals('a', 5, [['_summary', 'count']])],
    ['a reference that is not a plain Patient/id', vitals('https://other/Patient/a')],
    ['a compartment search', { ...vitals('a'), segments: ['Patient', 'a', '$everything'] }],
  ])('leaves %s as it is', (_what, key) => {
    const plan = planPatientSearches([key, { ...key }]);
    expect(plan.merged).toEqual([]);
    expect(plan.single).toHaveLength(2);
  });

  it('splits a group of more than 50 patients into merged searches of 50', () => {
    const patients = Array.from({ length: 120 }, (_, i) => `p${i}`);
    const plan = planPatientSearches(patients.map((patient) => vitals(patient)));
    expect(plan.merged.map((group) => group.members.length)).toEqual([50, 50, 20]);
    expect(plan.merged.flatMap((group) => group.members.map((member) => member.index))).toEqual(patients.map((_, i) => i));
  });

  it('makes a lone search of its shape a single search', () => {
    expect(planPatientSearches([vitals('a')])).toEqual({ single: [{ index: 0, key: vitals('a') }], merged: [] });
  });
});

describe('splitMerged', () => {
  const members = () => planPatientSearches([vitals('a', 2), vitals('b', 2)]).merged[0]!.members;

  it('gives each patient its own matches from a complete answer, with a total and one match beyond _count', () => {
    const answer = bundle([observation('1', 'a'), observation('2', 'b'), observation('3', 'a'), observation('4', 'a'), observation('i', 'b', 'include')]);
    const [a, b] = splitMerged(answer, members());
    expect(a).toEqual({ resourceType: 'Bundle', type: 'searchset', total: 3, entry: [observation('1', 'a'), observation('3', 'a'), observation('4', 'a')] });
    expect(b).toEqual({ resourceType: 'Bundle', type: 'searchset', total: 1, entry: [observation('2', 'b')] });
  });

  it('from a cut-off sorted answer, keeps only the pages it can vouch for: patients with more than they asked for', () => {
    const answer = bundle([observation('1', 'a'), observation('2', 'a'), observation('3', 'a'), observation('4', 'b')], true);
    const [a, b] = splitMerged(answer, members());
    expect(a?.entry?.map((entry) => entry.resource?.id)).toEqual(['1', '2', '3']);
    expect(a?.total).toBeUndefined();
    expect(b).toBeUndefined();
  });

  it('from a cut-off unsorted answer vouches for nobody', () => {
    const unsorted = planPatientSearches([
      { ...vitals('a', 1), params: [['subject', 'Patient/a'], ['_count', '1']] },
      { ...vitals('b', 1), params: [['subject', 'Patient/b'], ['_count', '1']] },
    ]).merged[0]!.members;
    const answer = bundle([observation('1', 'a'), observation('2', 'a'), observation('3', 'b'), observation('4', 'b')], true);
    expect(splitMerged(answer, unsorted)).toEqual([undefined, undefined]);
  });

  it('falls back for the whole group when a match cannot be given to one member', () => {
    const stranger = observation('9', 'c');
    const versioned = { ...observation('8', 'a'), resource: { resourceType: 'Observation', id: '8', subject: { reference: 'Patient/a/_history/2' } } };
    expect(splitMerged(bundle([observation('1', 'a'), stranger]), members())).toEqual([undefined, undefined]);
    expect(splitMerged(bundle([versioned]), members())[0]?.entry).toEqual([versioned]);
  });
});
