import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { graphql, startTestApp } from '../helpers/app.js';
import { DEMO_FHIR_STORE } from '../helpers/demo-names.js';
import { startOtlpReceiver, type OtlpReceiver } from '../helpers/otlp-receiver.js';
import { startRecordingProxy, type RecordingProxy } from '../hardening/recording-proxy.js';

const CLIENT_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';

describe('OpenTelemetry tracing (OTLP/HTTP)', () => {
  let upstream: RunningApp;
  let proxy: RecordingProxy;
  let receiver: OtlpReceiver;
  let graph: RunningApp;
  beforeAll(async () => {
    upstream = await startTestApp();
    proxy = await startRecordingProxy(upstream.emulator!.url);
    receiver = await startOtlpReceiver();
    graph = await startApp(loadConfig({
      PORT: '0', LOG_LEVEL: 'silent', HEALTHCARE_API_URL: `${proxy.url}/v1`,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: 'graph-under-test', TRACE_RESOLVERS: 'true',
    }));
  });
  afterAll(async () => {
    await graph?.close();
    await proxy?.close();
    await upstream?.close();
    await receiver?.close();
  });

  it('continues the client\'s traceparent, links the operation span to its upstream spans, and passes the context upstream', async () => {
    proxy.requests.length = 0;
    const patientId = 'no-such-patient-4711';
    const result = await graphql(app(), `query TracedChart($id: String!) { fhirStore(name: "${DEMO_FHIR_STORE}") { storeId patient(id: $id) { resourceId } } }`,
      { id: patientId }, { traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01` });
    // The patient does not exist: its read's span shows the 404, and still not the id.
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    // Closing flushes the batch of spans to the collector.
    await graph.close();

    const trace = receiver.spans.filter((span) => span.traceId === CLIENT_TRACE);
    const operation = trace.find((span) => span.name === 'query TracedChart');
    expect(operation).toMatchObject({ parentSpanId: CLIENT_SPAN, serviceName: 'graph-under-test', attributes: { 'graphql.operation.name': 'TracedChart', 'graphql.operation.type': 'query' } });
    const upstreamSpans = trace.filter((span) => span.attributes['http.request.method'] !== undefined);
    expect(upstreamSpans.length).toBe(proxy.requests.length);
    expect(upstreamSpans.length).toBeGreaterThan(0);
    for (const span of upstreamSpans) {
      expect(span).toMatchObject({ parentSpanId: operation!.spanId, attributes: { 'http.request.resend_count': 0, 'http.response.status_code': expect.any(Number), 'url.template': expect.stringMatching(/^projects\/\{\}\/locations\/\{\}\//) } });
    }
    expect(upstreamSpans.map((span) => span.attributes['url.template'])).toContain('projects/{}/locations/{}/datasets/{}/fhirStores/{}/fhir/Patient/{}');
    expect(upstreamSpans.map((span) => span.attributes['http.response.status_code'])).toContain(404);
    // Upstream saw each call's own span as its parent, in the client's trace.
    expect(proxy.requests.map((request) => request.traceparent?.split('-')[1])).toEqual(proxy.requests.map(() => CLIENT_TRACE));
    expect(new Set(proxy.requests.map((request) => request.traceparent?.split('-')[2]))).toEqual(new Set(upstreamSpans.map((span) => span.spanId)));
    // Resolver spans were asked for; no span carries the variables.
    expect(trace.some((span) => span.name === 'resolve Query.fhirStore')).toBe(true);
    expect(JSON.stringify(receiver.spans)).not.toContain(patientId);
  });

  const app = () => graph;
});
