import { describe, expect, it } from '@jest/globals';
import { externalQuery, keepExactMatches } from '../../src/healthcare/external-dicomweb-query.js';
import { InvalidNameError } from '../../src/healthcare/names.js';

const study = (name: string, id: string) => ({ '00100010': { vr: 'PN', Value: [{ Alphabetic: name }] }, '00100020': { vr: 'LO', Value: [id] } });

describe('query strings for external DICOMweb servers', () => {
  it('percent-encodes keys and values for a standard server', () => {
    expect(externalQuery([['PatientName', 'Doe^Jane'], ['PatientID', 'A&B C'], ['includefield', '00081030'], ['limit', '3']], 'standard'))
      .toEqual({ search: '?PatientName=Doe%5EJane&PatientID=A%26B%20C&includefield=00081030&limit=3', inexact: [] });
    expect(externalQuery([], 'standard')).toEqual({ search: '', inexact: [] });
  });

  it('sends values unencoded to Orthanc, which does not percent-decode them', () => {
    expect(externalQuery([['PatientName', 'Doe^Jane'], ['StudyDate', '20200101-20201231'], ['includefield', '00081030'], ['offset', '20']], 'orthanc'))
      .toEqual({ search: '?PatientName=Doe^Jane&StudyDate=20200101-20201231&includefield=00081030&offset=20', inexact: [] });
  });

  it.each([
    ['Van Helsing^Abraham', 'Van?Helsing^Abraham'], // a space cannot go raw
    ['Müller^Jörg', 'M*ller^J*rg'], // neither can UTF-8; Orthanc does not match it by `?`
    ['O\'Brien&Co^X,Y', 'O?Brien?Co^X?Y'], // `&` is query syntax, `,` a value list to Orthanc
    ['100%#', '100??'],
    ['a*b?c', 'a?b?c'], // a literal wildcard character is no wildcard
    ['日本^太郎', '*^*'],
  ])('sends %j to Orthanc as the wildcard %j, and re-checks the answer', (value, sent) => {
    const { search, inexact } = externalQuery([['PatientName', value]], 'orthanc');
    expect(search).toBe(`?PatientName=${sent}`);
    expect(inexact).toEqual([{ tag: '00100010', value }]);
    // What the URL parser does to it on the way out: nothing.
    expect(new URL(`http://h/x${search}`).search).toBe(search);
  });

  it('re-checks rewritten values of tag keys and of the graph\'s keyword keys', () => {
    expect(externalQuery([['00100020', 'A B']], 'orthanc').inexact).toEqual([{ tag: '00100020', value: 'A B' }]);
    expect(externalQuery([['AccessionNumber', 'A/1']], 'orthanc').inexact).toEqual([{ tag: '00080050', value: 'A/1' }]);
  });

  it('refuses what it could not re-check or would change the meaning of', () => {
    expect(() => externalQuery([['InstitutionName', 'St Mary']], 'orthanc')).toThrow(InvalidNameError);
    expect(() => externalQuery([['includefield', 'a b']], 'orthanc')).toThrow(InvalidNameError);
    expect(() => externalQuery([['Patient Name', 'x']], 'orthanc')).toThrow(InvalidNameError);
  });

  it('keeps only the rows whose value equals the rewritten one; names case-insensitively, as Orthanc does', () => {
    const rows = [study('Van Helsing^Abraham', 'P 1'), study('Van-Helsing^Abraham', 'P-1'), study('VAN HELSING^ABRAHAM', 'P 2'), { '00100020': { vr: 'LO', Value: ['P 1'] } }];
    expect(keepExactMatches(rows, [{ tag: '00100010', value: 'Van Helsing^Abraham' }])).toEqual([rows[0], rows[2]]);
    expect(keepExactMatches(rows, [{ tag: '00100020', value: 'P 1' }])).toEqual([rows[0], rows[3]]);
    expect(keepExactMatches(rows, [{ tag: '00100020', value: 'p 1' }])).toEqual([]);
    expect(keepExactMatches(rows, [])).toBe(rows);
  });
});
