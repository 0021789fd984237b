import { loadConfig, ConfigError } from './config.js';
import { startApp } from './compose.js';
import { startTelemetry } from './telemetry/start-telemetry.js';

try {
  const config = loadConfig();
  if (config.appInsightsConnectionString) await startTelemetry(config.appInsightsConnectionString);
  const running = await startApp(config);
  const mode = config.mode === 'local' ? 'lokal tilstand med Microsoft 365-sandkasse' : 'Microsoft 365';
  console.log(`Udviklingssamtale kører (${mode}): ${running.url}`);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
