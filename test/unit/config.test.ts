import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../src/config.js';

describe('configuration', () => {
  it('runs in local mode with no Microsoft 365 settings', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.port).toBe(3978);
    expect(config.databaseUrl).toBeNull();
  });

  it('refuses partial Microsoft 365 settings, naming each missing one', () => {
    try {
      loadConfig({ AZURE_TENANT_ID: 'tid', AZURE_CLIENT_ID: 'cid' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      for (const name of [
        'AZURE_CLIENT_SECRET',
        'SHAREPOINT_DRIVE_ID',
        'DATABASE_URL',
        'PUBLIC_URL',
        'ORGANISATION_FILE',
        'TEAMS_APP_CATALOG_ID',
      ]) {
        expect((error as Error).message).toContain(name);
      }
      expect((error as Error).message).not.toContain('AZURE_TENANT_ID');
    }
  });

  it('selects Microsoft 365 mode when everything is there', () => {
    const config = loadConfig({
      AZURE_TENANT_ID: 'tid',
      AZURE_CLIENT_ID: 'cid',
      AZURE_CLIENT_SECRET: 'from-key-vault',
      SHAREPOINT_DRIVE_ID: 'b!drive',
      TEAMS_APP_CATALOG_ID: 'f1a2b3c4-0000-4000-8000-000000000001',
      DATABASE_URL: 'postgres://db/app',
      PUBLIC_URL: 'https://app.example.dk',
      ORGANISATION_FILE: 'config/organisation.json',
    });
    expect(config.mode).toBe('m365');
    if (config.mode === 'm365') expect(config.apiAudience).toBe('api://app.example.dk/cid');
  });
});
