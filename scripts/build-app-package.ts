/**
 * Builds appPackage/build/appPackage.zip for upload to Teams (or for the
 * Agents Toolkit): the manifest with TEAMS_APP_ID, AAD_APP_CLIENT_ID and
 * PUBLIC_URL from the environment, its English localization and the icons.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { appPackageDir, renderManifest } from './app-package.js';

const required = ['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'PUBLIC_URL'] as const;
const missing = required.filter((name) => !process.env[name]);
if (missing.length > 0) {
  console.error(`Set ${missing.join(', ')} to build the app package.`);
  process.exit(2);
}
const { manifest, localizations } = renderManifest({
  TEAMS_APP_ID: process.env.TEAMS_APP_ID!,
  AAD_APP_CLIENT_ID: process.env.AAD_APP_CLIENT_ID!,
  PUBLIC_URL: process.env.PUBLIC_URL!,
});
const zip = new JSZip();
zip.file('manifest.json', JSON.stringify(manifest, null, 2));
for (const [name, content] of Object.entries(localizations)) zip.file(name, JSON.stringify(content, null, 2));
for (const icon of ['color.png', 'outline.png']) zip.file(icon, readFileSync(`${appPackageDir}${icon}`));
mkdirSync(`${appPackageDir}build`, { recursive: true });
writeFileSync(`${appPackageDir}build/appPackage.zip`, await zip.generateAsync({ type: 'nodebuffer' }));
console.log(`appPackage/build/appPackage.zip written`);
