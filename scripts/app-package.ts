import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../appPackage/', import.meta.url));

export interface PackageValues {
  TEAMS_APP_ID: string;
  AAD_APP_CLIENT_ID: string;
  PUBLIC_URL: string;
}

/** The manifest with the Agents Toolkit's ${{NAME}} placeholders filled in. */
export function renderManifest(values: PackageValues): { manifest: unknown; localizations: Record<string, unknown> } {
  const host = new URL(values.PUBLIC_URL).host;
  const fill = (text: string) =>
    text.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => {
      const value = name === 'PUBLIC_HOST' ? host : (values as unknown as Record<string, string>)[name];
      if (value === undefined) throw new Error(`No value for ${whole} in the app manifest`);
      return value.replace(/\/$/, '');
    });
  return {
    manifest: JSON.parse(fill(readFileSync(`${dir}manifest.json`, 'utf8'))),
    localizations: { 'en.json': JSON.parse(readFileSync(`${dir}en.json`, 'utf8')) },
  };
}

export const appPackageDir = dir;
