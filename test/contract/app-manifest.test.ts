import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { renderManifest, appPackageDir } from '../../scripts/app-package.js';

const require = createRequire(import.meta.url);
const schemaDir = '@microsoft/app-manifest/build/json-schemas/teams/v1.24/';
// Microsoft's localization schema has patterns that are valid only without the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);

const values = {
  TEAMS_APP_ID: '2f0c8f4e-3b7a-4c1d-9e55-7d2a1b9c6f10',
  AAD_APP_CLIENT_ID: '8a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  PUBLIC_URL: 'https://udviklingssamtale.example.dk',
};
const { manifest, localizations } = renderManifest(values);

const pngSize = (file: string) => {
  const png = readFileSync(`${appPackageDir}${file}`);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};

describe('the Teams app package', () => {
  it('fits Microsoft’s Teams manifest schema v1.24', () => {
    const validate = ajv.compile(require(`${schemaDir}MicrosoftTeams.schema.json`));
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has an English localization that fits Microsoft’s localization schema', () => {
    const validate = ajv.compile(require(`${schemaDir}MicrosoftTeams.Localization.schema.json`));
    expect(validate(localizations['en.json']), JSON.stringify(validate.errors)).toBe(true);
  });

  it('points the tab and SSO at the public address', () => {
    const m = manifest as any;
    expect(m.staticTabs[0].contentUrl).toBe('https://udviklingssamtale.example.dk/');
    expect(m.webApplicationInfo.resource).toBe(`api://udviklingssamtale.example.dk/${values.AAD_APP_CLIENT_ID}`);
    expect(m.validDomains).toEqual(['udviklingssamtale.example.dk']);
  });

  it('registers the bot (same Entra app as the tab) with its chat commands, and asks for meeting events', () => {
    const m = manifest as any;
    expect(m.bots[0].botId).toBe(values.AAD_APP_CLIENT_ID);
    expect(m.bots[0].commandLists[0].commands.map((c: any) => c.title)).toEqual(['hjælp', 'mine samtaler']);
    expect(m.authorization.permissions.resourceSpecific).toContainEqual({ name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' });
  });

  it('declares the Outlook add-in: a task pane on the meeting for invitees and organisers, Mailbox 1.8, item read/write access (the organiser’s form gets the agenda), icons', () => {
    const extension = (manifest as any).extensions[0];
    expect(extension.requirements).toEqual({ scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: '1.8' }] });
    expect(extension.runtimes[0].code.page).toBe('https://udviklingssamtale.example.dk/addin/');
    expect(extension.ribbons[0].contexts).toEqual(['meetingDetailsAttendee', 'meetingDetailsOrganizer']);
    const button = extension.ribbons[0].tabs[0].groups[0].controls[0];
    expect(button.actionId).toBe(extension.runtimes[0].actions[0].id);
    expect(button.icons.map((i: any) => i.size)).toEqual([16, 32, 80]);
    expect((manifest as any).authorization.permissions.resourceSpecific).toContainEqual({
      name: 'MailboxItem.ReadWrite.User',
      type: 'Delegated',
    });
    for (const size of [16, 32, 80]) {
      const png = readFileSync(`addin/public/icon-${size}.png`);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    // The English ribbon label.
    expect((localizations['en.json'] as Record<string, string>)['extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label']).toBe(
      'Development talk',
    );
  });

  it('ships icons of the sizes Teams requires (192×192 colour, 32×32 outline)', () => {
    expect(pngSize('color.png')).toEqual([192, 192]);
    expect(pngSize('outline.png')).toEqual([32, 32]);
  });
});
