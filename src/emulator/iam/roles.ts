/**
 * Cloud Healthcare's predefined roles and the permissions they carry, encoded once from Google's
 * list (https://cloud.google.com/iam/docs/roles-permissions/healthcare, copied into the project's
 * IAM reference notes, which are not in this repository): each role includes at most one other role
 * and adds permissions of its own.
 */

interface RoleSpec {
  readonly includes?: string;
  readonly adds: readonly string[];
}

// The reference spells some HL7v2 message permissions `hl7V2messages`; its notes say they are the
// `hl7V2Messages` permissions the methods check, so they are written that way here.
const ROLES = {
  'roles/healthcare.annotationStoreViewer': {
    includes: 'roles/healthcare.datasetViewer',
    adds: ['healthcare.annotationStores.get', 'healthcare.annotationStores.list'],
  },
  'roles/healthcare.annotationStoreAdmin': {
    includes: 'roles/healthcare.annotationStoreViewer',
    adds: ['healthcare.annotationStores.create', 'healthcare.annotationStores.delete', 'healthcare.annotationStores.update'],
  },
  'roles/healthcare.annotationReader': {
    includes: 'roles/healthcare.annotationStoreViewer',
    adds: ['healthcare.annotations.get', 'healthcare.annotations.list'],
  },
  'roles/healthcare.annotationEditor': {
    includes: 'roles/healthcare.annotationReader',
    adds: ['healthcare.annotations.create', 'healthcare.annotations.delete', 'healthcare.annotations.update'],
  },
  'roles/healthcare.datasetViewer': {
    adds: ['healthcare.datasets.get', 'healthcare.datasets.list', 'healthcare.operations.get'],
  },
  'roles/healthcare.datasetAdmin': {
    includes: 'roles/healthcare.datasetViewer',
    adds: [
      'healthcare.datasets.create',
      'healthcare.datasets.delete',
      'healthcare.datasets.update',
      'healthcare.datasets.getIamPolicy',
      'healthcare.datasets.setIamPolicy',
      'healthcare.datasets.deidentify',
      'healthcare.operations.cancel',
      'healthcare.operations.list',
    ],
  },
  'roles/healthcare.dicomStoreViewer': {
    includes: 'roles/healthcare.datasetViewer',
    adds: ['healthcare.dicomStores.get', 'healthcare.dicomStores.list'],
  },
  'roles/healthcare.dicomStoreAdmin': {
    includes: 'roles/healthcare.dicomStoreViewer',
    adds: [
      'healthcare.dicomStores.create',
      'healthcare.dicomStores.deidentify',
      'healthcare.dicomStores.delete',
      'healthcare.dicomStores.dicomWebDelete',
      'healthcare.dicomStores.getIamPolicy',
      'healthcare.dicomStores.setIamPolicy',
      'healthcare.dicomStores.update',
      'healthcare.operations.cancel',
    ],
  },
  'roles/healthcare.dicomViewer': {
    includes: 'roles/healthcare.dicomStoreViewer',
    adds: ['healthcare.dicomStores.export', 'healthcare.dicomStores.dicomWebRead'],
  },
  'roles/healthcare.dicomEditor': {
    includes: 'roles/healthcare.dicomViewer',
    adds: [
      'healthcare.dicomStores.import',
      'healthcare.dicomStores.dicomWebDelete',
      'healthcare.dicomStores.dicomWebWrite',
      'healthcare.operations.cancel',
    ],
  },
  'roles/healthcare.fhirStoreViewer': {
    includes: 'roles/healthcare.datasetViewer',
    adds: ['healthcare.fhirStores.get', 'healthcare.fhirStores.list'],
  },
  'roles/healthcare.fhirStoreAdmin': {
    includes: 'roles/healthcare.fhirStoreViewer',
    adds: [
      'healthcare.fhirStores.create',
      'healthcare.fhirStores.deidentify',
      'healthcare.fhirStores.delete',
      'healthcare.fhirStores.update',
      'healthcare.fhirStores.import',
      'healthcare.fhirStores.export',
      'healthcare.fhirResources.purge',
      'healthcare.fhirStores.getIamPolicy',
      'healthcare.fhirStores.setIamPolicy',
      'healthcare.operations.cancel',
    ],
  },
  'roles/healthcare.fhirResourceReader': {
    includes: 'roles/healthcare.fhirStoreViewer',
    adds: ['healthcare.fhirResources.get', 'healthcare.fhirStores.searchResources', 'healthcare.fhirStores.executeBundle'],
  },
  'roles/healthcare.fhirResourceEditor': {
    includes: 'roles/healthcare.fhirResourceReader',
    adds: [
      'healthcare.fhirResources.create',
      'healthcare.fhirResources.delete',
      'healthcare.fhirResources.patch',
      'healthcare.fhirResources.update',
      'healthcare.operations.cancel',
    ],
  },
  'roles/healthcare.hl7V2StoreViewer': {
    includes: 'roles/healthcare.datasetViewer',
    adds: ['healthcare.hl7V2Stores.get', 'healthcare.hl7V2Stores.list'],
  },
  'roles/healthcare.hl7V2StoreAdmin': {
    includes: 'roles/healthcare.hl7V2StoreViewer',
    adds: [
      'healthcare.hl7V2Stores.create',
      'healthcare.hl7V2Stores.update',
      'healthcare.hl7V2Stores.delete',
      'healthcare.hl7V2Stores.import',
      'healthcare.hl7V2Stores.export',
      'healthcare.hl7V2Stores.getIamPolicy',
      'healthcare.hl7V2Stores.setIamPolicy',
      'healthcare.operations.cancel',
    ],
  },
  'roles/healthcare.hl7V2Ingest': {
    includes: 'roles/healthcare.hl7V2StoreViewer',
    adds: ['healthcare.hl7V2Messages.ingest'],
  },
  'roles/healthcare.hl7V2Consumer': {
    includes: 'roles/healthcare.hl7V2StoreViewer',
    adds: [
      'healthcare.hl7V2Messages.get',
      'healthcare.hl7V2Messages.list',
      'healthcare.hl7V2Messages.create',
      'healthcare.hl7V2Messages.update',
    ],
  },
  'roles/healthcare.hl7V2Editor': {
    includes: 'roles/healthcare.hl7V2StoreViewer',
    adds: [
      'healthcare.hl7V2Messages.get',
      'healthcare.hl7V2Messages.list',
      'healthcare.hl7V2Messages.delete',
      'healthcare.hl7V2Messages.update',
      'healthcare.hl7V2Messages.create',
      'healthcare.hl7V2Messages.ingest',
      'healthcare.operations.cancel',
    ],
  },
} as const satisfies Record<string, RoleSpec>;

/** The name of a predefined Cloud Healthcare role, e.g. `roles/healthcare.fhirResourceReader`. */
export type PredefinedRole = keyof typeof ROLES;

/**
 * Permissions that no predefined role grants: project-level methods the reference does not list
 * (locations), and the emulator's own fault control, which Google does not have. Only admins hold
 * them, as only a project owner would on Google.
 */
type AdminOnlyPermission = 'healthcare.locations.get' | 'healthcare.locations.list' | 'emulator.faults.get' | 'emulator.faults.update';

/** A permission an emulator method may require. Typos in route declarations fail to compile. */
export type Permission = (typeof ROLES)[PredefinedRole]['adds'][number] | AdminOnlyPermission;

/**
 * Every predefined role, for granting in tests: e.g. `roles/healthcare.fhirResourceReader` on a
 * store through `POST …/fhirStores/{s}:setIamPolicy`. `setIamPolicy` accepts these roles only.
 */
export const PREDEFINED_ROLES: readonly PredefinedRole[] = Object.keys(ROLES) as PredefinedRole[];

function resolve(role: PredefinedRole, seen: readonly string[] = []): ReadonlySet<string> {
  const spec: RoleSpec = ROLES[role];
  if (spec.includes === undefined) return new Set(spec.adds);
  if (seen.includes(spec.includes) || !isPredefinedRole(spec.includes)) {
    throw new Error(`${role} includes ${spec.includes}, which is unknown or a cycle`);
  }
  return new Set([...resolve(spec.includes, [...seen, role]), ...spec.adds]);
}

/** True when `role` is one of the predefined roles. */
export function isPredefinedRole(role: string): role is PredefinedRole {
  return Object.hasOwn(ROLES, role);
}

// Resolved once at load, so a broken `includes` fails every test rather than one request.
const RESOLVED = new Map(PREDEFINED_ROLES.map((role) => [role, resolve(role)]));

/** Every permission a role grants, its included roles' permissions among them. */
export function permissionsOf(role: PredefinedRole): ReadonlySet<string> {
  return RESOLVED.get(role) ?? new Set();
}
