/**
 * De-identifies one DICOM Part 10 instance and re-encodes it with dcmjs (the source bytes are only
 * read). In order:
 * 1. the tag filter: a profile, a keep list (plus what a valid image needs) or a remove list;
 * 2. for every profile but KEEP_ALL: PatientID becomes the same keyed hash the FHIR side gives the
 *    patient's MRN (so the copy stays linkable), dates are shifted per patient when the TextConfig
 *    has a date shift and emptied otherwise, person names are emptied, private tags removed;
 * 3. DEIDENTIFY_TAG_CONTENTS: the text VRs Google lists are inspected and transformed instead;
 * 4. unless `skipIdRedaction`, every non-standard UID (Study, Series, SOP Instance, Frame of
 *    Reference, referenced instances …) becomes a keyed `2.25.` UID, the same one the FHIR
 *    ImagingStudy gets.
 */

import type { DcmjsDataset, DcmjsElement } from 'dcmjs';
import { readPart10 } from '../dicom/part10.js';
import { TAG } from '../dicom/tags.js';
import { firstOfKind, type DeidentifyConfig, type DicomConfig } from './config.js';
import { BASIC_PROFILE_EMPTY, BASIC_PROFILE_REMOVE, INSPECTED_VRS, MINIMAL_KEEP, STANDARD_UID_ROOT } from './dicom-profiles.js';
import type { DeidKeys } from './keys.js';
import { inspectAndTransform, transformValue, type TextInspector, type ValueContext } from './text.js';

/** What an instance's transformation needs from its operation. */
export interface DicomDeidContext {
  readonly config: DeidentifyConfig;
  readonly keys: DeidKeys;
  readonly inspector: TextInspector;
}

const MEDIA_STORAGE_SOP_INSTANCE_UID = '00020003';
const DATE_VRS = new Set(['DA', 'DT']);
const IDENTITY: ReadonlySet<string> = new Set([TAG.SOPInstanceUID, TAG.SOPClassUID, TAG.StudyInstanceUID, TAG.SeriesInstanceUID]);

function isPrivate(tag: string): boolean {
  return parseInt(tag.slice(3, 4), 16) % 2 === 1;
}

function firstText(dataset: DcmjsDataset, tag: string): string | undefined {
  const value = dataset[tag]?.Value?.[0];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Applies the tag filter at the top level of the data set (sequences go or stay whole). */
function filterTags(dataset: DcmjsDataset, dicom: DicomConfig): void {
  const filter = dicom.filter;
  for (const tag of Object.keys(dataset)) {
    const upper = tag.toUpperCase();
    let keep: boolean;
    switch (filter.kind) {
      case 'keep':
        keep = MINIMAL_KEEP.has(upper) || filter.tags.has(upper);
        break;
      case 'remove':
        // The instance's identity cannot be removed: the store could not hold it without.
        keep = !filter.tags.has(upper) || IDENTITY.has(upper);
        break;
      case 'profile':
        keep =
          filter.profile === 'MINIMAL_KEEP_LIST_PROFILE'
            ? MINIMAL_KEEP.has(upper)
            : filter.profile === 'ATTRIBUTE_CONFIDENTIALITY_BASIC_PROFILE'
              ? !BASIC_PROFILE_REMOVE.has(upper) && !isPrivate(upper)
              : true;
        break;
    }
    if (!keep) delete dataset[tag];
  }
}

/** The rule-based part of the basic profile, applied through sequences. */
function confidentiality(dataset: DcmjsDataset, ctx: ValueContext, shift: boolean): void {
  for (const [tag, element] of Object.entries(dataset)) {
    const upper = tag.toUpperCase();
    if (upper === TAG.PatientID) continue;
    if (isPrivate(upper)) {
      delete dataset[tag];
    } else if (element.vr === 'SQ') {
      for (const item of (element.Value ?? []) as DcmjsDataset[]) confidentiality(item, ctx, shift);
    } else if (BASIC_PROFILE_EMPTY.has(upper) || element.vr === 'PN') {
      element.Value = [];
    } else if (DATE_VRS.has(element.vr)) {
      element.Value = shift ? shiftValues(element, ctx) : [];
    } else if (element.vr === 'TM' && !shift) {
      element.Value = [];
    }
  }
}

function shiftValues(element: DcmjsElement, ctx: ValueContext): unknown[] {
  return (element.Value ?? []).flatMap((value) => {
    if (typeof value !== 'string') return [];
    const shifted = transformValue(value, 'DATE', ctx, true);
    return shifted === undefined ? [] : [shifted];
  });
}

/** `DEIDENTIFY_TAG_CONTENTS`: the listed text VRs, inspected and transformed, through sequences. */
function tagContents(dataset: DcmjsDataset, inspector: TextInspector, ctx: ValueContext): void {
  for (const [tag, element] of Object.entries(dataset)) {
    if (tag.toUpperCase() === TAG.PatientID) continue;
    if (element.vr === 'SQ') {
      for (const item of (element.Value ?? []) as DcmjsDataset[]) tagContents(item, inspector, ctx);
      continue;
    }
    if (!INSPECTED_VRS.has(element.vr)) continue;
    if (DATE_VRS.has(element.vr)) {
      element.Value = shiftValues(element, ctx);
    } else if (element.vr === 'PN') {
      // A person name is sensitive as a whole (a crypto hash of it stays linkable).
      element.Value = (element.Value ?? []).map((v) => {
        const name = typeof v === 'object' && v !== null ? (v as { Alphabetic?: unknown }).Alphabetic : v;
        return { Alphabetic: typeof name === 'string' && name !== '' ? (transformValue(name, 'PERSON_NAME', ctx) ?? '') : '' };
      });
    } else {
      element.Value = (element.Value ?? []).map((v) => (typeof v === 'string' ? inspectAndTransform(v, inspector, ctx) : v));
    }
  }
}

/** Replaces every non-standard UID, through sequences. */
function replaceUids(dataset: DcmjsDataset, keys: DeidKeys): void {
  for (const element of Object.values(dataset)) {
    if (element.vr === 'SQ') {
      for (const item of (element.Value ?? []) as DcmjsDataset[]) replaceUids(item, keys);
    } else if (element.vr === 'UI') {
      element.Value = (element.Value ?? []).map((v) =>
        typeof v === 'string' && v !== '' && !v.startsWith(STANDARD_UID_ROOT) ? keys.uid(v.replace(/\0+$/, '').trim()) : v,
      );
    }
  }
}

/** Returns the de-identified Part 10 bytes of an instance. */
export function deidentifyInstance(bytes: Uint8Array, ctx: DicomDeidContext): Uint8Array {
  const { file } = readPart10(bytes);
  const dataset = file.dict;
  const { dicom, text } = ctx.config;
  // Google: the date shift key is combined with the patient ID, or the Study Instance UID without one.
  const patientId = firstText(dataset, TAG.PatientID);
  const patientKey = patientId ?? firstText(dataset, TAG.StudyInstanceUID) ?? '';
  const valueCtx: ValueContext = { keys: ctx.keys, text, shiftDays: ctx.keys.shiftDays(patientKey), dicom: true };
  const profile = dicom.filter.kind === 'profile' ? dicom.filter.profile : undefined;

  filterTags(dataset, dicom);
  if (profile === 'DEIDENTIFY_TAG_CONTENTS') {
    tagContents(dataset, ctx.inspector, valueCtx);
  } else if (profile !== 'KEEP_ALL_PROFILE') {
    confidentiality(dataset, valueCtx, firstOfKind(text, 'dateShift') !== undefined);
  }
  const patientElement = dataset[TAG.PatientID];
  if (profile !== 'KEEP_ALL_PROFILE' && patientElement !== undefined) {
    // Hashed exactly as the FHIR side hashes the patient's MRN identifier.
    const hashed = patientId === undefined ? undefined : transformValue(patientId, 'MEDICAL_RECORD_NUMBER', valueCtx, true);
    patientElement.Value = hashed === undefined ? [] : [hashed];
  }
  if (!dicom.skipIdRedaction) {
    replaceUids(dataset, ctx.keys);
    const sop = firstText(dataset, TAG.SOPInstanceUID);
    const meta = file.meta[MEDIA_STORAGE_SOP_INSTANCE_UID];
    if (sop !== undefined && meta !== undefined) meta.Value = [sop];
  }
  return new Uint8Array(file.write());
}
