/**
 * HL7v2 feeds for the demo cohort, written from the cohort's FHIR resources so every message agrees
 * with the chart: an ADT^A01 admission for each patient's most recent hospital (or, failing that,
 * any) encounter, and an ORU^R01 lab result message for each of their two most recent encounters
 * with laboratory observations. PID-3 carries the same MRN as the FHIR Patient (type `MRN`, as in
 * Google's examples) and the demo SSN (type `SS`). Messages are ER7 text with `\r` segment ends.
 */
import type { FhirResource } from './types.js';

/** HL7's escape sequences for the delimiters `|^~\&`, so free text can never break a message. */
function esc(value: unknown): string {
  return String(value ?? '').replace(/[\\|^~&\r\n]/g, (c) => ({ '\\': '\\E\\', '|': '\\F\\', '^': '\\S\\', '~': '\\R\\', '&': '\\T\\' })[c] ?? ' ');
}

/** HL7 DTM in UTC with an explicit offset, from an ISO date-time. */
function dtm(iso: string | undefined): string {
  if (iso === undefined) return '';
  return `${iso.slice(0, 19).replace(/[-T:]/g, '')}+0000`;
}

/** A facility's code as interface engines write MSH-4: the initials of its name (`MVRH`). */
function facilityCode(name: string | undefined): string {
  return (name ?? 'DEMO').split(/\s+/).map((word) => word.charAt(0).toUpperCase()).join('') || 'DEMO';
}

const GENDER: Readonly<Record<string, string>> = { male: 'M', female: 'F', other: 'O', unknown: 'U' };
/** HL7 table 0004 patient class from the FHIR encounter class. */
const PATIENT_CLASS: Readonly<Record<string, string>> = { IMP: 'I', EMER: 'E', AMB: 'O', OBSENC: 'O', HH: 'O', VR: 'O' };
/** HL7 table 0078 abnormal flags from FHIR interpretation codes. */
const FLAG: Readonly<Record<string, string>> = { H: 'H', L: 'L', N: 'N', HH: 'HH', LL: 'LL', A: 'A' };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const coding = (concept: Json | undefined): Json | undefined => (concept?.['coding'] as Json[] | undefined)?.[0];
const refId = (reference: Json | undefined): string => String(reference?.['reference'] ?? '').split('/').pop() ?? '';

function mshSegment(app: string, facility: string, time: string, type: string, controlId: string): string {
  return `MSH|^~\\&|${app}|${esc(facility)}|HL7HUB|HEALTHCARE-GRAPH|${time}||${type}|${esc(controlId)}|P|2.5.1`;
}

function pidSegment(patient: Json): string {
  const identifiers = (patient['identifier'] ?? []) as Json[];
  const byType = (code: string) => identifiers.find((identifier) => coding(identifier['type'])?.['code'] === code)?.['value'] as string | undefined;
  const ids = [`${esc(byType('MR'))}^^^DEMO^MRN`];
  const ssn = byType('SS');
  if (ssn !== undefined) ids.push(`${esc(ssn)}^^^SSA^SS`);
  const name = ((patient['name'] ?? []) as Json[])[0] ?? {};
  const given = (name['given'] ?? []) as string[];
  const address = ((patient['address'] ?? []) as Json[])[0];
  const phone = ((patient['telecom'] ?? []) as Json[]).find((t) => t['system'] === 'phone')?.['value'] as string | undefined;
  return [
    'PID', '1', '', ids.join('~'), '',
    [name['family'], given[0], given[1]].map(esc).join('^'),
    '',
    String(patient['birthDate'] ?? '').replaceAll('-', ''),
    GENDER[String(patient['gender'])] ?? 'U',
    '', '',
    address === undefined ? '' : [(address['line'] as string[] | undefined)?.[0], '', address['city'], address['state'], address['postalCode'], address['country'], 'H'].map(esc).join('^'),
    '',
    phone === undefined ? '' : `${esc(phone)}^PRN^PH`,
  ].join('|');
}

/** PV1 with the patient class (PV1-2), attending doctor (PV1-7, XCN) and admit time (PV1-44). */
function pv1Segment(patientClass: string, attending: string, admitted: string): string {
  const pv1 = ['PV1', '1', patientClass, '', '', '', '', attending];
  while (pv1.length < 44) pv1.push('');
  pv1.push(admitted);
  return pv1.join('|');
}

/**
 * An inpatient admission (ADT^A01) of a patient at `iso`, as the demo's live feed sends it: no
 * encounter of the cohort lies behind it, so PV1 names no doctor. `controlId` is MSH-10.
 */
export function liveAdmission(patient: FhirResource, iso: string, controlId: string): string {
  const json = patient as Json;
  const time = dtm(iso);
  const facility = facilityCode(json['managingOrganization']?.['display']);
  return `${[
    mshSegment('ADT', facility, time, 'ADT^A01^ADT_A01', controlId),
    `EVN|A01|${time}`,
    pidSegment(json),
    pv1Segment('I', '', time),
  ].join('\r')}\r`;
}

/** The ADT^A01 of one encounter. */
function admission(patient: Json, encounter: Json, organizations: Map<string, Json>): string {
  const start = encounter['period']?.['start'] as string | undefined;
  const facility = facilityCode(organizations.get(refId(encounter['serviceProvider']))?.['name'] ?? encounter['serviceProvider']?.['display']);
  const attending = ((encounter['participant'] ?? []) as Json[])[0]?.['individual'] as Json | undefined;
  const [attendingGiven = '', ...attendingFamily] = String(attending?.['display'] ?? '').replace(/^Dr\.\s*/, '').split(' ');
  const reason = coding(((encounter['reasonCode'] ?? []) as Json[])[0]);
  const patientClass = PATIENT_CLASS[String(coding({ coding: [encounter['class']] })?.['code'])] ?? 'O';
  const doctor = `${esc(refId(attending))}^${esc(attendingFamily.join(' '))}^${esc(attendingGiven)}^^^DR`;
  const segments = [
    mshSegment('ADT', facility, dtm(start), 'ADT^A01^ADT_A01', `ADT-${String(encounter['id'])}`),
    `EVN|A01|${dtm(start)}`,
    pidSegment(patient),
    pv1Segment(patientClass, doctor, dtm(start)),
  ];
  if (reason !== undefined) segments.push(`DG1|1||${esc(reason['code'])}^${esc(reason['display'])}^SCT||${dtm(start)}|A`);
  return `${segments.join('\r')}\r`;
}

/** The ORU^R01 of one encounter's laboratory observations. */
function labResults(patient: Json, encounterId: string, observations: Json[], organizations: Map<string, Json>): string {
  const collected = String(observations[0]?.['effectiveDateTime'] ?? '');
  const issued = observations.map((o) => String(o['issued'] ?? o['effectiveDateTime'] ?? '')).sort().at(-1);
  const performer = ((observations[0]?.['performer'] ?? []) as Json[])[0];
  const facility = facilityCode(organizations.get(refId(performer))?.['name'] ?? performer?.['display']);
  const obx = observations.map((observation, index) => {
    const code = coding(observation['code']) ?? {};
    const quantity = observation['valueQuantity'] as Json | undefined;
    const range = ((observation['referenceRange'] ?? []) as Json[])[0];
    const flag = FLAG[String(coding(((observation['interpretation'] ?? []) as Json[])[0])?.['code'])] ?? '';
    const value = quantity === undefined ? esc(observation['valueString'] ?? coding(observation['valueCodeableConcept'])?.['display'] ?? '') : esc(quantity['value']);
    const unit = quantity === undefined ? '' : `${esc(quantity['code'] ?? quantity['unit'])}^${esc(quantity['unit'])}^UCUM`;
    const bounds = range === undefined ? '' : `${esc(range['low']?.['value'] ?? '')}-${esc(range['high']?.['value'] ?? '')}`;
    return ['OBX', String(index + 1), quantity === undefined ? 'ST' : 'NM', `${esc(code['code'])}^${esc(code['display'])}^LN`, '', value, unit, bounds, flag, '', '', 'F', '', '', dtm(String(observation['effectiveDateTime'] ?? ''))].join('|');
  });
  return `${[
    mshSegment('LIS', facility, dtm(issued), 'ORU^R01^ORU_R01', `ORU-${encounterId}`),
    pidSegment(patient),
    `ORC|RE|${esc(encounterId)}|${esc(encounterId)}-LAB||CM`,
    `OBR|1|${esc(encounterId)}|${esc(encounterId)}-LAB|LAB^Laboratory results^L|||${dtm(collected)}||||||||||||||||||F`,
    ...obx,
  ].join('\r')}\r`;
}

const isLab = (observation: Json) =>
  ((observation['category'] ?? []) as Json[]).some((category) => ((category['coding'] ?? []) as Json[]).some((c) => c['code'] === 'laboratory'));

/** How many ORU^R01 messages (most recent encounters with labs) each patient gets. */
export const LAB_MESSAGES_PER_PATIENT = 2;

/**
 * The demo HL7v2 messages for the cohort's resources, in patient order; each patient's messages in
 * send order. Deterministic: the same resources give the same text.
 */
export function hl7v2Messages(resources: readonly FhirResource[]): string[] {
  const organizations = new Map<string, Json>();
  const patients: Json[] = [];
  const encountersByPatient = new Map<string, Json[]>();
  const labsByEncounter = new Map<string, Json[]>();
  for (const resource of resources as unknown as Json[]) {
    if (resource['resourceType'] === 'Organization') organizations.set(resource['id'], resource);
    else if (resource['resourceType'] === 'Patient') patients.push(resource);
    else if (resource['resourceType'] === 'Encounter') {
      const list = encountersByPatient.get(refId(resource['subject'])) ?? [];
      list.push(resource);
      encountersByPatient.set(refId(resource['subject']), list);
    } else if (resource['resourceType'] === 'Observation' && isLab(resource) && resource['encounter'] !== undefined) {
      const list = labsByEncounter.get(refId(resource['encounter'])) ?? [];
      list.push(resource);
      labsByEncounter.set(refId(resource['encounter']), list);
    }
  }
  return patients.flatMap((patient) => {
    const encounters = [...(encountersByPatient.get(patient['id']) ?? [])].sort((a, b) => String(a['period']?.['start']).localeCompare(String(b['period']?.['start'])));
    const hospital = encounters.filter((e) => ['IMP', 'EMER'].includes(String(e['class']?.['code'])));
    const admitted = hospital.at(-1) ?? encounters.at(-1);
    const withLabs = encounters.filter((e) => labsByEncounter.has(e['id'])).slice(-LAB_MESSAGES_PER_PATIENT);
    const messages: [string, string][] = [];
    if (admitted !== undefined) messages.push([String(admitted['period']?.['start']), admission(patient, admitted, organizations)]);
    for (const encounter of withLabs) {
      messages.push([String(encounter['period']?.['start']), labResults(patient, encounter['id'], labsByEncounter.get(encounter['id']) ?? [], organizations)]);
    }
    return messages.sort(([a], [b]) => a.localeCompare(b)).map(([, text]) => text);
  });
}
