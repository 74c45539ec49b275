/**
 * The audit log: one event per GraphQL operation or image request, saying who asked, which patients,
 * studies and stores were read or written, how it ended and how many upstream calls it made. Field
 * names follow FHIR `AuditEvent` (`recorded`, `agent`, `entity`, `outcome`) so that events can be
 * forwarded, and {@link toFhirAuditEvent} makes one a real resource. Events hold resource names and ids
 * only: never names, birth dates, MRNs, search values or tokens.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { AuditDestination } from '../config/trust.js';
import type { Principal } from '../access/credentials.js';
import type { CallWatch, ObservedCall, UpstreamObserver } from '../healthcare/upstream-observer.js';

/** Entities one event lists at most; `entityCount` says how many there were. */
const MAX_ENTITIES = 200;

export interface AuditEntity {
  /** `Patient`, `ImagingStudy`, a FHIR resource type that was written, or a store kind (`FhirStore`, ...). */
  type: string;
  /** Full resource name: `projects/…/fhirStores/s/fhir/Patient/123`, `projects/…/dicomStores/d/dicomWeb/studies/1.2.3`. */
  name: string;
  /** `read` or `written` (FHIR AuditEvent's C/R/U/D, folded). */
  role: 'read' | 'written';
}

export interface AuditEvent {
  resourceType: 'AuditEvent';
  /** When the request ended (ISO 8601). */
  recorded: string;
  requestId: string;
  traceId?: string;
  /** `graphql`, `image`, or another entry point's name. */
  type: string;
  /** `R` read, `E` execute (a mutation: may write). */
  action: 'R' | 'E';
  /** The GraphQL operation name, or the image endpoint. */
  operation: string | null;
  agent: { who: string; kind: Principal['kind'] | 'anonymous' };
  entity: AuditEntity[];
  /** How many entities there were when `entity` had to be cut. */
  entityCount?: number;
  /** FHIR's codes: `0` success, `4` the caller's failure (refused, bad input), `8` a server or upstream failure. */
  outcome: '0' | '4' | '8';
  /** The error codes, when any. */
  outcomeCodes?: string[];
  upstreamCalls: number;
}

/** Where events go. */
export interface AuditLog {
  readonly enabled: boolean;
  write(event: AuditEvent): void;
  close(): Promise<void>;
}

const OFF: AuditLog = { enabled: false, write: () => {}, close: async () => {} };

/** The log for `AUDIT_LOG`; `forward` receives every event too (the FHIR store). */
export function openAuditLog(destination: AuditDestination, forward?: (event: AuditEvent) => void): AuditLog {
  if (destination.kind === 'off' && !forward) return OFF;
  let stream: WriteStream | undefined;
  if (destination.kind === 'file') stream = createWriteStream(destination.path, { flags: 'a', mode: 0o600 });
  return {
    enabled: true,
    write(event) {
      const line = `${JSON.stringify(event)}\n`;
      if (destination.kind === 'stdout') process.stdout.write(line);
      stream?.write(line);
      forward?.(event);
    },
    async close() {
      if (!stream) return;
      stream.end();
      await once(stream, 'close');
    },
  };
}

const STORE_PATH = /^(projects\/[^/]+\/locations\/[^/]+\/datasets\/[^/]+\/(fhirStores|dicomStores|hl7V2Stores)\/[^/:]+)(.*)$/;
const STORE_TYPES: Record<string, string> = { fhirStores: 'FhirStore', dicomStores: 'DicomStore', hl7V2Stores: 'Hl7V2Store' };

/**
 * What one request touched: filled from the GraphQL results (patients, studies) and from the
 * upstream calls (stores; resources read by name; everything written), as an upstream observer.
 */
export class AuditRecorder implements UpstreamObserver {
  private readonly entities = new Map<string, AuditEntity>();

  add(entity: AuditEntity): void {
    const existing = this.entities.get(entity.name);
    if (existing?.role === 'written') return;
    this.entities.set(entity.name, entity);
  }

  /** A value a resolver returned: patients and studies are recorded, other objects are not. */
  addResult(value: unknown, written: boolean): void {
    if (Array.isArray(value)) {
      for (const item of value) this.addResult(item, written);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const model = value as { store?: unknown; resource?: { resourceType?: unknown; id?: unknown }; studyUid?: unknown; seriesUid?: unknown };
    if (typeof model.store !== 'string') return;
    const { resource } = model;
    if (resource && typeof resource.resourceType === 'string' && typeof resource.id === 'string' && (written || resource.resourceType === 'Patient')) {
      this.add({ type: resource.resourceType, name: `${model.store}/fhir/${resource.resourceType}/${resource.id}`, role: written ? 'written' : 'read' });
    } else if (typeof model.studyUid === 'string' && model.seriesUid === undefined) {
      this.add({ type: 'ImagingStudy', name: `${model.store}/dicomWeb/studies/${model.studyUid}`, role: written ? 'written' : 'read' });
    }
  }

  callStarted(call: ObservedCall): CallWatch | undefined {
    const match = STORE_PATH.exec(call.path);
    if (!match) return undefined;
    const [, store = '', kind = '', rest = ''] = match;
    const role = call.method === 'GET' ? 'read' : 'written';
    if (!this.entities.has(store)) this.add({ type: STORE_TYPES[kind] ?? kind, name: store, role: 'read' });
    const study = /^\/dicomWeb\/studies\/([0-9.]+)/.exec(rest);
    if (study) this.add({ type: 'ImagingStudy', name: `${store}/dicomWeb/studies/${study[1]}`, role });
    const fhir = /^\/fhir\/([A-Z][A-Za-z]*)(?:\/([A-Za-z0-9\-.]{1,64}))?/.exec(rest);
    if (fhir && (role === 'written' || fhir[1] === 'Patient') && fhir[2] !== undefined) {
      this.add({ type: fhir[1]!, name: `${store}/fhir/${fhir[1]}/${fhir[2]}`, role });
    }
    return undefined;
  }

  /** The entities, at most {@link MAX_ENTITIES}, and their count when cut. */
  list(): Pick<AuditEvent, 'entity' | 'entityCount'> {
    const all = [...this.entities.values()];
    return all.length > MAX_ENTITIES ? { entity: all.slice(0, MAX_ENTITIES), entityCount: all.length } : { entity: all };
  }
}

/** The outcome code for a request's error codes. */
export function auditOutcome(codes: readonly string[]): AuditEvent['outcome'] {
  if (codes.length === 0) return '0';
  const serverSide = ['INTERNAL_SERVER_ERROR', 'UPSTREAM_ERROR', 'UPSTREAM_UNAVAILABLE'];
  return codes.some((code) => serverSide.includes(code)) ? '8' : '4';
}

/** An event as a FHIR R4 `AuditEvent` resource, for `AUDIT_FHIR_STORE`. */
export function toFhirAuditEvent(event: AuditEvent): Record<string, unknown> {
  return {
    resourceType: 'AuditEvent',
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
    subtype: [{ system: 'urn:healthcare-graph:entry-point', code: event.type, display: event.operation ?? undefined }],
    action: event.action,
    recorded: event.recorded,
    outcome: event.outcome,
    ...(event.outcomeCodes ? { outcomeDesc: event.outcomeCodes.join(', ') } : {}),
    agent: [{ who: { identifier: { system: `urn:healthcare-graph:principal:${event.agent.kind}`, value: event.agent.who } }, requestor: true }],
    source: { observer: { display: 'healthcare-graph' }, type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '3', display: 'Web Server' }] },
    entity: event.entity.map((entity) => ({
      what: { identifier: { system: 'urn:healthcare-graph:resource-name', value: entity.name } },
      type: { system: 'urn:healthcare-graph:entity-type', code: entity.type },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: entity.type === 'Patient' ? '1' : '4' },
      description: entity.role,
    })),
    extension: [
      { url: 'urn:healthcare-graph:request-id', valueString: event.requestId },
      ...(event.traceId ? [{ url: 'urn:healthcare-graph:trace-id', valueString: event.traceId }] : []),
      { url: 'urn:healthcare-graph:upstream-calls', valueInteger: event.upstreamCalls },
    ],
  };
}
