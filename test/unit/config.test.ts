import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError } from '../../src/config.js';

const organisation = fileURLToPath(new URL('../../config/organisation.local.json', import.meta.url));
const complete = {
  AZURE_TENANT_ID: '8f6c1b52-0d3e-4a7b-9c21-5e4d3c2b1a00',
  AZURE_CLIENT_ID: '1d2c3b4a-5e6f-4071-8293-a4b5c6d7e8f9',
  AZURE_FEDERATED_IDENTITY_CLIENT_ID: '2e3d4c5b-6f70-4182-93a4-b5c6d7e8f901',
  SHAREPOINT_DRIVE_ID: 'b!drive',
  TEAMS_APP_CATALOG_ID: 'f1a2b3c4-0000-4000-8000-000000000001',
  DATABASE_URL: 'postgres://db/app',
  PUBLIC_URL: 'https://app.example.dk',
  ORGANISATION_FILE: organisation,
};

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the start to be refused');
};

describe('configuration', () => {
  it('runs in local mode with no Microsoft 365 settings', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.port).toBe(3978);
    expect(config.databaseUrl).toBeNull();
  });

  it('refuses partial Microsoft 365 settings, naming each missing one and the missing credential', () => {
    const message = problemsOf({ AZURE_TENANT_ID: complete.AZURE_TENANT_ID, AZURE_CLIENT_ID: complete.AZURE_CLIENT_ID });
    for (const name of [
      'SHAREPOINT_DRIVE_ID',
      'DATABASE_URL',
      'PUBLIC_URL',
      'ORGANISATION_FILE',
      'TEAMS_APP_CATALOG_ID',
      'AZURE_FEDERATED_IDENTITY_CLIENT_ID',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toMatch(/missing[^\n]*AZURE_TENANT_ID/);
  });

  it('names every malformed setting at once', () => {
    const message = problemsOf({
      ...complete,
      AZURE_TENANT_ID: 'sohavn.onmicrosoft.com',
      PUBLIC_URL: 'http://app.example.dk',
      DATABASE_URL: 'mysql://db',
      ORGANISATION_FILE: '/nowhere/organisation.json',
      AZURE_CLIENT_SECRET: 'also-a-secret',
    });
    expect(message).toContain('AZURE_TENANT_ID: must be a GUID');
    expect(message).toContain('PUBLIC_URL: must be https://');
    expect(message).toContain('DATABASE_URL: must be a postgres://');
    expect(message).toContain('ORGANISATION_FILE: no file at /nowhere/organisation.json');
    expect(message).toContain('only one credential');
  });

  it('selects Microsoft 365 mode with a managed identity as the credential when everything is there', () => {
    const config = loadConfig(complete);
    expect(config.mode).toBe('m365');
    if (config.mode !== 'm365') return;
    expect(config.apiAudience).toBe(`api://app.example.dk/${complete.AZURE_CLIENT_ID}`);
    expect(config.credential).toEqual({ kind: 'managedIdentity', clientId: complete.AZURE_FEDERATED_IDENTITY_CLIENT_ID });
    expect(config.authorityHost).toBe('https://login.microsoftonline.com');
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.com');
  });
});
