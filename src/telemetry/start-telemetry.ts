/**
 * Application Insights through Azure Monitor's OpenTelemetry distribution,
 * started before the app so HTTP requests, PostgreSQL queries and the
 * product's own spans (src/telemetry/tracing.ts) are exported. Loaded only
 * when a connection string is configured.
 */
export async function startTelemetry(connectionString: string): Promise<void> {
  const { useAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // Personal data stays out of traces: no request bodies are recorded by these instrumentations.
    instrumentationOptions: { http: { enabled: true }, postgreSql: { enabled: true } },
  });
}
