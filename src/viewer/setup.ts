/** What the graph's start-up settles about the viewer: whether `/viewer` is served, and where viewer links go. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config/index.js';
import { DEMO_DATASET, DEMO_DICOM_STORE } from '../demo/seed.js';
import type { ViewerOptions } from '../http/viewer.js';

/** The built-in viewer's study page, for `{dicomStore}` (OHIF's route below its base path `/viewer`). */
export const BUILT_IN_VIEWER_URL = '/viewer/viewer?StudyInstanceUIDs={study}&store={dicomStore}';

export interface ViewerSetup {
  /** Served at `/viewer` when prepared. */
  viewer?: ViewerOptions;
  /** What `Study.viewerUrl` and `Series.viewerUrl` are made from; undefined: they are null. */
  viewerUrlTemplate?: string;
}

/**
 * The prepared viewer, opening the demo store (embedded emulator) or the one allowed store of a
 * pinned dataset by default. Links go where `VIEWER_URL_TEMPLATE` says; left unset, to the built-in
 * viewer when it is prepared, and nowhere otherwise, so that no link leads to a page that is not there.
 */
export function viewerSetup(config: Config): ViewerSetup {
  const dir = resolve(config.viewerDir);
  const viewer = existsSync(join(dir, 'index.html')) ? { dir, defaultStore: defaultStore(config) } : undefined;
  const template = config.viewerUrlTemplate === undefined ? (viewer ? BUILT_IN_VIEWER_URL : undefined) : config.viewerUrlTemplate;
  return { viewer, viewerUrlTemplate: template ?? undefined };
}

function defaultStore(config: Config): string | undefined {
  const location = `projects/${config.project}/locations/${config.location}`;
  if (config.emulator.enabled) return `${location}/datasets/${DEMO_DATASET}/dicomStores/${DEMO_DICOM_STORE}`;
  const [only, ...more] = config.allowedDicomStores ?? [];
  return config.dataset !== undefined && only !== undefined && more.length === 0 ? `${location}/datasets/${config.dataset}/dicomStores/${only}` : undefined;
}
