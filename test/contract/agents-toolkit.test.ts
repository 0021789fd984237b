import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAgentsToolkit } from '../support/agents-toolkit.js';

/**
 * The Agents Toolkit accepts the project: its own YAML schema check of
 * m365agents.yml and m365agents.local.yml, `atk validate` on the Teams
 * manifest, its own Entra manifest build (permission names resolved, fields
 * checked), and every ${{VAR}} the files use is written by someone.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
let toolkit: ReturnType<typeof ensureAgentsToolkit>;

beforeAll(() => {
  toolkit = ensureAgentsToolkit();
}, 600_000);

const placeholders = (text: string) => [...text.matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

describe('the Microsoft 365 Agents Toolkit project', () => {
  for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
    it(`${file} passes the toolkit's own schema check`, async () => {
      const { YamlParser } = toolkit.require('@microsoft/teamsfx-core/build/component/configManager/parser');
      const result = await new YamlParser().parse(join(root, file), true);
      expect(result.isOk() ? 'ok' : String(result.error?.message)).toBe('ok');
      expect(result.value.version).toBe('v1.11');
    });
  }

  it('atk validate passes the Teams manifest, offline', () => {
    const output = execFileSync(
      toolkit.bin,
      [
        'validate',
        '--manifest-file',
        './appPackage/manifest.json',
        '--env-file',
        'test/fixtures/agents-toolkit/validate.env',
        '--interactive',
        'false',
        '--telemetry',
        'false',
      ],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    expect(output).toContain('All passed');
  }, 180_000);

  it('the Entra app manifest builds with the toolkit: access_as_user, pre-authorised clients, Graph permissions resolved', async () => {
    const { buildAadManifest } = toolkit.require('@microsoft/teamsfx-core/build/component/driver/aad/utility/buildAadManifest');
    const env = Object.fromEntries(
      readFileSync(join(root, 'test/fixtures/agents-toolkit/validate.env'), 'utf8')
        .split('\n')
        .filter((l) => /^[A-Z]/.test(l))
        .map((l) => l.split('=') as [string, string]),
    );
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const warnings: string[] = [];
      const manifest = await buildAadManifest(
        { projectPath: root, logProvider: { warning: (w: string) => warnings.push(w), info: () => undefined } },
        './aad.manifest.json',
        '.cache/aad.manifest.test.json',
      );
      expect(warnings).toEqual([]);
      expect(manifest.identifierUris).toEqual([`api://${env.PUBLIC_HOST}/${env.AAD_APP_CLIENT_ID}`]);
      expect(manifest.api.oauth2PermissionScopes.map((s: { value: string }) => s.value)).toEqual(['access_as_user']);
      const preAuthorised = manifest.api.preAuthorizedApplications.map((p: { appId: string }) => p.appId);
      // Teams desktop/mobile and web, at least.
      expect(preAuthorised).toEqual(
        expect.arrayContaining(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']),
      );
      // Permission names resolved to Microsoft Graph's ids by the toolkit.
      const graph = manifest.requiredResourceAccess.find(
        (r: { resourceAppId: string }) => r.resourceAppId === '00000003-0000-0000-c000-000000000000',
      );
      expect(graph.resourceAccess.every((a: { id: string }) => /^[0-9a-f-]{36}$/.test(a.id))).toBe(true);
      expect(manifest.spa.redirectUris).toContain(`brk-multihub://${env.PUBLIC_HOST}`);
    } finally {
      process.env = saved;
    }
  });

  it('the Azure resources: Node 24 LTS, health check, Application Insights, PostgreSQL with Entra auth and no open rule, no secrets, GA API versions', () => {
    const bicep = readFileSync(join(root, 'infra/azure.bicep'), 'utf8');
    const parameters = readFileSync(join(root, 'infra/azure.parameters.json'), 'utf8');
    expect(bicep).toContain("linuxFxVersion: 'NODE|24-lts'");
    expect(bicep).toMatch(/healthCheckPath: '\/readyz'/);
    expect(bicep).toContain("'Microsoft.Insights/components@");
    expect(bicep).toContain("{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'");
    expect(bicep).toContain("authConfig: { activeDirectoryAuth: 'Enabled', passwordAuth: 'Disabled'");
    expect(bicep).toContain("publicNetworkAccess: 'Disabled'");
    expect(bicep).not.toMatch(/firewallRules|administratorLoginPassword|clientSecret|AZURE_CLIENT_SECRET/);
    expect(bicep).not.toMatch(/@secure\(\)/);
    expect(parameters).not.toMatch(/SECRET_/);
    // Generally available API versions only.
    expect([...bicep.matchAll(/'[A-Za-z.]+\/[A-Za-z/]+@([0-9-a-z]+)'/g)].map((m) => m[1]).filter((v) => v!.includes('preview'))).toEqual(
      [],
    );
    // The app starts the build it was shipped with; nothing is compiled on the server.
    expect(bicep).toContain("appCommandLine: 'node --enable-source-maps dist/server/main.js'");
  });

  it('every Graph permission the app asks for has a reason in docs/permissions.md', () => {
    const aad = JSON.parse(readFileSync(join(root, 'aad.manifest.json'), 'utf8'));
    const documented = readFileSync(join(root, 'docs/permissions.md'), 'utf8');
    const asked = aad.requiredResourceAccess.flatMap((r: { resourceAccess: { id: string; type: string }[] }) => r.resourceAccess);
    for (const permission of asked) {
      const row = documented.split('\n').find((line) => line.startsWith('| ') && line.split(' | ')[0]!.includes(`\`${permission.id}\``));
      expect(row, permission.id).toBeDefined();
      expect(row).toContain(permission.type === 'Role' ? 'Application' : 'Delegated');
    }
  });

  it('every ${{VAR}} is written by provision, publish, a Bicep output or the env files', () => {
    const yml = readFileSync(join(root, 'm365agents.yml'), 'utf8') + readFileSync(join(root, 'm365agents.local.yml'), 'utf8');
    const written = new Set([
      // Built into the toolkit (the environment's name and Azure's choices), and the permission id aadApp/update makes.
      'TEAMSFX_ENV',
      'AZURE_SUBSCRIPTION_ID',
      'AZURE_RESOURCE_GROUP_NAME',
      'RESOURCE_SUFFIX',
      'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
      // writeToEnvironmentFile: { key: VAR }
      ...[...yml.matchAll(/^\s+[a-zA-Z]+: ([A-Z][A-Z0-9_]+)\s*$/gm)].map((m) => m[1]!),
      // Bicep outputs become environment variables.
      ...[...readFileSync(join(root, 'infra/azure.bicep'), 'utf8').matchAll(/^output ([A-Z0-9_]+) /gm)].map((m) => m[1]!),
      // Names the env files define.
      ...readdirSync(join(root, 'env')).flatMap((f) =>
        [...readFileSync(join(root, 'env', f), 'utf8').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!),
      ),
    ]);
    const used = [
      'appPackage/manifest.json',
      'aad.manifest.json',
      'infra/azure.parameters.json',
      'm365agents.yml',
      'm365agents.local.yml',
    ].flatMap((file) => placeholders(readFileSync(join(root, file), 'utf8')).map((name) => `${file}: ${name}`));
    expect(used.filter((u) => !written.has(u.split(': ')[1]!))).toEqual([]);
  });
});
