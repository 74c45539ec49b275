/**
 * Operation models: loading one after the access check, and global ids that carry a
 * de-identification's destination (the API does not report it, so the id is where it survives
 * between the mutation that started the operation and the polls that follow).
 */
import { badUserInput } from '../../../errors.js';
import { parseDatasetName, parseStoreName } from '../../../healthcare/names.js';
import { parseOperationName, type AllowedOperation, type Operation } from '../../../healthcare/operations.js';
import type { RequestContext } from '../../context.js';
import { fromGlobalId, toGlobalId } from '../../globalId.js';
import type { OperationModel } from '../../models.js';
import { prime } from '../load.js';

/** Separates the operation name from its destination inside a global id; names never contain it. */
const DESTINATION_SEPARATOR = '|';

/** The access check for a destination: a dataset or a FHIR or DICOM store name. */
export function checkDestination(destination: string, context: RequestContext): void {
  if (destination.includes('/fhirStores/')) context.access.checkStore(parseStoreName(destination, 'fhirStores'));
  else if (destination.includes('/dicomStores/')) context.access.checkStore(parseStoreName(destination, 'dicomStores'));
  else context.access.checkDataset(parseDatasetName(destination));
}

/** The global id of an operation model. */
export function operationGlobalId(model: OperationModel): string {
  const { name } = model.operation;
  return toGlobalId('Operation', model.destination === undefined ? name : `${name}${DESTINATION_SEPARATOR}${model.destination}`);
}

/** Splits the name part of an Operation global id into the operation name and its destination. */
export function fromOperationGlobalId(id: string): { name: string; destination?: string } {
  const { type, name } = fromGlobalId(id);
  if (type !== 'Operation') throw badUserInput('Invalid id: pass an id exactly as this server returned it');
  const at = name.indexOf(DESTINATION_SEPARATOR);
  return at < 0 ? { name } : { name: name.slice(0, at), destination: name.slice(at + 1) };
}

/**
 * Loads an operation (one call per request and name) after checking its dataset, and its
 * destination when one is given, against the server's access policy.
 */
export async function loadOperation(name: string, context: RequestContext, destination?: string): Promise<OperationModel> {
  const allowed = allowedOperation(name, context);
  if (destination !== undefined) checkDestination(destination, context);
  const operation = await context.loaders.operation.load(allowed);
  return destination === undefined ? { operation } : { operation, destination };
}

/** An operation by name, its dataset through the access check. */
export function allowedOperation(name: string, context: RequestContext): AllowedOperation {
  const { dataset, id } = parseOperationName(name);
  return { dataset: context.access.checkDataset(dataset), id };
}

/** A model for an operation the API just returned (primed so a `node` read in the same request costs no call). */
export function operationModel(operation: Operation, context: RequestContext, destination?: string): OperationModel {
  prime(context.loaders.operation, [operation], (listed) => allowedOperation(listed.name, context));
  return destination === undefined ? { operation } : { operation, destination };
}
