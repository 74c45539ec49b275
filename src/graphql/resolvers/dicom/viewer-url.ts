/**
 * `Study.viewerUrl` and `Series.viewerUrl`: links into a viewer, made from `VIEWER_URL_TEMPLATE`
 * (or the built-in viewer's). Placeholders are filled with encoded values; a path is taken relative
 * to this server's public URL. A series link of a template without `{series}` opens the study at
 * that series (OHIF's `initialSeriesInstanceUID`).
 */
import { DICOMWEB_PROXY_PREFIX } from '../../../http/dicomweb-proxy-paths.js';
import type { RequestContext } from '../../context.js';

export interface ViewerLinkTarget {
  /** The DICOM store resource name. */
  store: string;
  studyUid: string;
  seriesUid?: string;
}

/** The link for a study or series, or null when no viewer is configured. */
export function viewerUrl(target: ViewerLinkTarget, context: Pick<RequestContext, 'viewerUrlTemplate' | 'publicUrl'>): string | null {
  const template = context.viewerUrlTemplate;
  if (template === undefined) return null;
  const values: Record<string, string> = {
    study: target.studyUid,
    series: target.seriesUid ?? '',
    dicomStore: target.store,
    dicomWebRoot: `${context.publicUrl}${DICOMWEB_PROXY_PREFIX}${target.store}/dicomWeb`,
  };
  let url = template.replace(/\{(study|series|dicomStore|dicomWebRoot)\}/g, (_match, name: string) => encodeURIComponent(values[name]!));
  if (target.seriesUid !== undefined && !template.includes('{series}')) {
    url += `${url.includes('?') ? '&' : '?'}initialSeriesInstanceUID=${encodeURIComponent(target.seriesUid)}`;
  }
  return url.startsWith('/') ? `${context.publicUrl}${url}` : url;
}
