/**
 * OpenTelemetry tracing: a span per GraphQL operation or image request, a span per upstream call
 * (and per resolver when asked), the client's W3C `traceparent` continued and passed on to the API
 * root. Off unless an OTLP endpoint is configured; off, the SDK is not even loaded and requests carry
 * no span objects at all.
 *
 * The provider is this server's own, not registered globally, and spans name their parent
 * explicitly: several servers in one process (tests) keep their traces apart, and no async context
 * tracking runs on every await.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer } from '@opentelemetry/api';
import type { TracingConfig } from '../config/index.js';
import { pathTemplate, type CallWatch, type ObservedCall, type UpstreamObserver } from '../healthcare/upstream-observer.js';

/** What a request carries in: the W3C trace context headers. */
export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

/** The span of one request (a GraphQL operation, an image). */
export interface RequestSpan {
  readonly traceId: string;
  /** Makes upstream calls child spans and sends them the trace context. */
  readonly observer: UpstreamObserver;
  /** A child span (a resolver's), ended by the caller. */
  child(name: string, attributes: Attributes): Span;
  end(name: string, attributes: Attributes, failed: boolean): void;
}

export interface Tracing {
  /** Resolver spans asked for (`TRACE_RESOLVERS`). */
  readonly resolverSpans: boolean;
  /** The request's span; undefined when tracing is off. */
  startRequest(headers: TraceHeaders): RequestSpan | undefined;
  /** Exports what is left and stops. */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { resolverSpans: false, startRequest: () => undefined, shutdown: async () => {} };

/** Tracing for a configuration: off (nothing loaded) without an export URL. */
export async function createTracing(config: TracingConfig, apiUrl: string): Promise<Tracing> {
  if (config.exportUrl === undefined) return OFF;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { W3CTraceContextPropagator }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/core'),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: config.exportUrl }), { scheduledDelayMillis: 1000 })],
  });
  const tracer = provider.getTracer('healthcare-graph');
  const propagator = new W3CTraceContextPropagator();
  const server = new URL(apiUrl);
  return {
    resolverSpans: config.resolverSpans,
    startRequest(headers) {
      const parent = propagator.extract(ROOT_CONTEXT, headers, {
        get: (carrier, key) => carrier[key as keyof TraceHeaders],
        keys: (carrier) => Object.keys(carrier),
      });
      const span = tracer.startSpan('request', { kind: SpanKind.SERVER }, parent);
      const context = trace.setSpan(parent, span);
      const inject = (spanContext: Context): Record<string, string> => {
        const carrier: Record<string, string> = {};
        propagator.inject(spanContext, carrier, { set: (target, key, value) => { target[key] = value; } });
        return carrier;
      };
      return {
        traceId: span.spanContext().traceId,
        observer: { callStarted: (call) => upstreamSpan(tracer, context, call, server, inject) },
        child: (name, attributes) => tracer.startSpan(name, { attributes }, context),
        end(name, attributes, failed) {
          span.updateName(name);
          span.setAttributes(attributes);
          if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
      };
    },
    shutdown: () => provider.shutdown(),
  };
}

/** An upstream call's span: method, path template, status and retries; the query and body never. */
function upstreamSpan(tracer: Tracer, parent: Context, call: ObservedCall, server: URL, inject: (context: Context) => Record<string, string>): CallWatch {
  const template = pathTemplate(call.path);
  const span = tracer.startSpan(`${call.method} ${template}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'http.request.method': call.method,
      'url.template': template,
      'healthcare.api': call.kind,
      ...(call.external ? { 'healthcare.external_server': true } : { 'server.address': server.hostname }),
    },
  }, parent);
  return {
    headers: call.external ? undefined : inject(trace.setSpan(parent, span)),
    ended({ status, retries }) {
      span.setAttribute('http.request.resend_count', retries);
      if (typeof status === 'number') span.setAttribute('http.response.status_code', status);
      else span.setAttribute('error.type', status);
      if (typeof status !== 'number' || status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
