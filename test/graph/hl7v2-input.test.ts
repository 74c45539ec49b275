import { describe, expect, it } from '@jest/globals';
import { ackCodeOf, MAX_MESSAGE_BYTES, normalizeMessage } from '../../src/graphql/resolvers/hl7v2/ingest.js';
import { checkFilter } from '../../src/graphql/resolvers/hl7v2/messages.js';
import { headerValue, orderedFields } from '../../src/graphql/resolvers/hl7v2/segments.js';
import { mentionsMrn, parseHl7V2MessageName, patientIdFilter } from '../../src/healthcare/hl7v2.js';
import { parseStoreName } from '../../src/healthcare/names.js';

const STORE = 'projects/p/locations/us-central1/datasets/d/hl7V2Stores/s';

describe('HL7v2 input checks of the graph', () => {
  it('normalizes line ends to \\r and refuses empty, NUL-holding and oversized messages', () => {
    expect(normalizeMessage('\nMSH|^~\\&|A\r\nPID|1\nOBX|1\r\n\n').toString()).toBe('MSH|^~\\&|A\rPID|1\rOBX|1\r');
    expect(normalizeMessage('MSH|x\rPID|1').toString()).toBe('MSH|x\rPID|1\r');
    expect(() => normalizeMessage(' \r\n ')).toThrow('empty');
    expect(() => normalizeMessage('MSH|\u0000')).toThrow('NUL');
    expect(() => normalizeMessage('M'.repeat(MAX_MESSAGE_BYTES + 1))).toThrow('at most');
    expect(normalizeMessage('é'.repeat(10)).length).toBe(21);
  });

  it('reads MSA-1 with the ACK\'s own field separator', () => {
    expect(ackCodeOf('MSH|^~\\&|A|B\rMSA|AA|C1\r')).toBe('AA');
    expect(ackCodeOf('MSH#^~\\&#A\rMSA#AE#C1\r')).toBe('AE');
    expect(ackCodeOf('MSH|^~\\&|A\r')).toBe('');
  });

  it('checks filters for length and control characters only', () => {
    expect(checkFilter(undefined)).toBeUndefined();
    expect(checkFilter('  ')).toBeUndefined();
    expect(checkFilter('message_type = "ADT"')).toBe('message_type = "ADT"');
    expect(() => checkFilter('x'.repeat(1001))).toThrow('at most 1000');
    expect(() => checkFilter('a\tb')).toThrow('control');
  });

  it('asks for both MRN identifier types, and leaves out values the syntax cannot quote', () => {
    expect(patientIdFilter(['MRN0000001'])).toBe('PatientId("MRN0000001", "MRN") OR PatientId("MRN0000001", "MR")');
    expect(patientIdFilter(['A1', 'x"y', 'B2'])).toBe('PatientId("A1", "MRN") OR PatientId("A1", "MR") OR PatientId("B2", "MRN") OR PatientId("B2", "MR")');
    expect(patientIdFilter(['a"b'])).toBeUndefined();
    expect(patientIdFilter(['a\\b'])).toBeUndefined();
    expect(patientIdFilter(['a\nb', ''])).toBeUndefined();
  });

  it('tells which patient a message is about when one call served several', () => {
    const message = { name: 'n', patientIds: [{ value: 'A1', type: 'MR' }, { value: 'B2', type: 'SS' }] };
    expect(mentionsMrn(message, 'A1')).toBe(true);
    expect(mentionsMrn(message, 'B2')).toBe(false);
    expect(mentionsMrn({ name: 'n' }, 'A1')).toBe(false);
  });

  it('reads MSH by HL7 field number whatever the parser version numbering', () => {
    const v1 = { name: 'n', parsedData: { segments: [{ segmentId: 'MSH', fields: { '0': 'MSH', '1': '^~\\&', '8.1': 'ADT', '8.2': 'A01', '9': 'C1' } }] } };
    const v2 = { name: 'n', parsedData: { segments: [{ segmentId: 'MSH', fields: { '0': 'MSH', '1': '|', '2': '^~\\&', '9.1': 'ORU', '9.2': 'R01', '10': 'C2' } }] } };
    expect([headerValue(v1, 9, 2), headerValue(v1, 10)]).toEqual(['A01', 'C1']);
    expect([headerValue(v2, 9, 2), headerValue(v2, 10), headerValue(v2, 9, 1)]).toEqual(['R01', 'C2', 'ORU']);
    expect(headerValue({ name: 'n' }, 9, 2)).toBeNull();
    expect(headerValue({ name: 'n', parsedData: { segments: [{ segmentId: 'MSH', fields: { '1': '|', '9': 'ACK' } }] } }, 9, 1)).toBe('ACK');
  });

  it('orders parsed fields by position, numerically', () => {
    const fields = { '10': 'j', '2': 'b', '3[1].1': 'y', '3[0].4.2': 'x2', '3[0].4.1': 'x1', '3[0].1': 'x', '0': 'PID', '5.10': 'k', '5.2': 'c' };
    expect(orderedFields({ fields }).map((f) => f.index)).toEqual(['0', '2', '3[0].1', '3[0].4.1', '3[0].4.2', '3[1].1', '5.2', '5.10', '10']);
  });

  it('validates store and message names', () => {
    expect(parseStoreName(STORE, 'hl7V2Stores')).toEqual({ project: 'p', location: 'us-central1', dataset: 'd', kind: 'hl7V2Stores', store: 's' });
    expect(parseHl7V2MessageName(`${STORE}/messages/W5_pxOBko-Lo=`).id).toBe('W5_pxOBko-Lo=');
    for (const bad of [`${STORE}/messages/a.b`, `${STORE}/messages/..`, `${STORE}/messages/`, `${STORE}/messages/a%2Fb`]) {
      expect(() => parseHl7V2MessageName(bad)).toThrow('not an HL7v2 message name');
    }
    expect(() => parseStoreName(STORE.replace('hl7V2Stores', 'fhirStores'), 'hl7V2Stores')).toThrow('not an HL7v2 store name');
    expect(() => parseStoreName(`${STORE.slice(0, -1)}..`, 'hl7V2Stores')).toThrow('not valid');
  });
});
