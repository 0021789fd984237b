import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { lead, planBody, startTestApp, waitFor, type TestApp } from '../support/test-app.js';

/** What Application Insights receives in Azure: Graph round trips and each job's outcome, as OpenTelemetry spans. */
const exporter = new InMemorySpanExporter();
let app: TestApp;

beforeAll(async () => {
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
  trace.disable();
});

describe('telemetry', () => {
  it('traces Graph round trips and the sync job with its outcome, retries included', async () => {
    const asLead = await app.as(lead);
    await asLead('GET', '/me');
    // Every Graph request fails for a while: the job's first attempts end "retrying".
    app.sandbox!.faults.configure({ rate: 1, statuses: [503], retryAfterSeconds: 0 });
    expect((await asLead('POST', '/conversations', planBody())).status).toBe(201);
    // Microsoft 365 answers again once the job has failed an attempt (not after a fixed time: the test must not race the job).
    await waitFor(async () => exporter.getFinishedSpans().some((s) => s.attributes['job.outcome'] === 'retrying'));
    app.sandbox!.faults.configure({ rate: 0 });
    await app.runner.drain();
    const spans = exporter.getFinishedSpans();
    expect(spans.some((s) => s.name === 'graph.batch' || s.name === 'graph.request')).toBe(true);
    const sync = spans.filter((s) => s.name === 'job conversation.sync');
    expect(sync.map((s) => s.attributes['job.outcome'])).toContain('retrying');
    expect(sync.at(-1)!.attributes['job.outcome']).toBe('done');
  });
});
