/**
 * The value of a resource's identifier whose type is the HL7 v2 `MR` code: the medical record number
 * that links a Patient to its DICOM studies (PatientID) and HL7v2 messages (PID-3).
 */
export function medicalRecordNumber(resource: { readonly [field: string]: unknown }): string | undefined {
  const identifiers = Array.isArray(resource.identifier) ? resource.identifier as { type?: { coding?: { code?: string }[] }; value?: string }[] : [];
  return identifiers.find((identifier) => identifier.type?.coding?.some((coding) => coding.code === 'MR'))?.value;
}
