import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

/**
 * The product's own spans: Graph round trips, Bot Connector calls, job
 * outcomes. Without a configured exporter (local mode, tests) the API is a
 * no-op and costs nothing; in Azure they go to Application Insights.
 */
const tracer = trace.getTracer('udviklingssamtale');

export async function traced<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
  outcome?: (result: T) => Attributes,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      const result = await work();
      if (outcome) span.setAttributes(outcome(result));
      span.setStatus({ code: SpanStatusCode.OK });
      return result;
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
