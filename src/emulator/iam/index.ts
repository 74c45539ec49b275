/**
 * Cloud IAM for the emulator. Pass `principals` to `startEmulator` to enforce it:
 *
 * ```ts
 * const emulator = await startEmulator({ principals: loadPrincipalsFile('/path/to/principals.json') });
 * // or inline: { principals: { tokens: { 't-alice': 'user:alice@example.com' }, admins: ['user:root@example.com'] } }
 * ```
 *
 * Then grant roles over REST as on Google, e.g. as an admin:
 * `POST /v1/{fhirStore}:setIamPolicy {"policy": {"bindings": [{"role": "roles/healthcare.fhirResourceReader", "members": ["user:alice@example.com"]}]}}`.
 */

export { checkPrincipals, loadPrincipalsFile, parsePrincipals, type Principals } from './principals.js';
export { isPredefinedRole, permissionsOf, PREDEFINED_ROLES, type Permission, type PredefinedRole } from './roles.js';
