/** The DICOM Native XML model (PS3.19 A.1), written from DICOM JSON: Google's default STOW answer. */

import type { DicomJsonDataset, DicomJsonValue, PersonNameValue } from './dicom-json.js';
import { keywordOf } from './tags.js';

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c);
}

const PN_COMPONENTS = ['FamilyName', 'GivenName', 'MiddleName', 'NamePrefix', 'NameSuffix'] as const;

function personNameXml(name: PersonNameValue, number: number): string {
  const groups = (['Alphabetic', 'Ideographic', 'Phonetic'] as const)
    .filter((group) => name[group] !== undefined)
    .map((group) => {
      const components = (name[group] ?? '').split('^');
      const inner = PN_COMPONENTS.map((component, i) => {
        const value = components[i];
        return value === undefined || value === '' ? '' : `<${component}>${escapeXml(value)}</${component}>`;
      }).join('');
      return `<${group}>${inner}</${group}>`;
    });
  return `<PersonName number="${number}">${groups.join('')}</PersonName>`;
}

function valueXml(vr: string, value: DicomJsonValue, number: number): string {
  if (value === null) return `<Value number="${number}"/>`;
  if (vr === 'PN' && typeof value === 'object') return personNameXml(value as PersonNameValue, number);
  if (vr === 'SQ' && typeof value === 'object') return `<Item number="${number}">${attributesXml(value as DicomJsonDataset)}</Item>`;
  return `<Value number="${number}">${escapeXml(String(value))}</Value>`;
}

function attributesXml(dataset: DicomJsonDataset): string {
  return Object.entries(dataset)
    .map(([tag, element]) => {
      const keyword = keywordOf(tag);
      const open = `<DicomAttribute tag="${tag}" vr="${element.vr}"${keyword === undefined ? '' : ` keyword="${keyword}"`}>`;
      let inner = (element.Value ?? []).map((v, i) => valueXml(element.vr, v, i + 1)).join('');
      if (element.BulkDataURI !== undefined) inner = `<BulkData uri="${escapeXml(element.BulkDataURI)}"/>`;
      if (element.InlineBinary !== undefined) inner = `<InlineBinary>${element.InlineBinary}</InlineBinary>`;
      return `${open}${inner}</DicomAttribute>`;
    })
    .join('');
}

/** A complete `NativeDicomModel` document. */
export function nativeDicomModel(dataset: DicomJsonDataset): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<NativeDicomModel xmlns="http://dicom.nema.org/PS3.19/models/NativeDICOM">${attributesXml(dataset)}</NativeDicomModel>\n`
  );
}
