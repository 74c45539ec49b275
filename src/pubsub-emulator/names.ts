/** Pub/Sub resource names (`projects/P/topics/T`, `projects/P/subscriptions/S`) and their checks. */

import { invalidArgument } from './status.js';

/** Topic and subscription ids: 3–255 characters, a letter first, then letters, digits and `-_.~+%`. */
const RESOURCE_ID = /^[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$/;

/** A project id as Pub/Sub accepts it in a name (anything without a slash). */
const PROJECT_ID = /^[^/]+$/;

/** Checks `projects/P/<collection>/ID` and answers the project, or throws INVALID_ARGUMENT. */
export function checkName(name: string, collection: 'topics' | 'subscriptions'): { project: string } {
  const parts = name.split('/');
  const [projects, project = '', kind, id = ''] = parts;
  if (parts.length !== 4 || projects !== 'projects' || kind !== collection || !PROJECT_ID.test(project)) {
    throw invalidArgument(`Invalid resource name given (name=${name}). Refer to https://cloud.google.com/pubsub/docs/pubsub-basics#resource_names for more information.`);
  }
  if (id.startsWith('goog') || !RESOURCE_ID.test(id)) {
    throw invalidArgument(`Invalid [${collection}] name: (name=${name})`);
  }
  return { project };
}

/** Checks `projects/P` and answers P. */
export function checkProject(name: string): string {
  const match = /^projects\/([^/]+)$/.exec(name);
  if (match === null) throw invalidArgument(`Invalid project name given (name=${name}).`);
  return match[1] as string;
}
