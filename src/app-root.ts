import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder the app was installed in (where package.json is), found by
 * walking up from this file. Files the server reads at run time (migrations,
 * Graph's metadata, the built tab) are addressed from here, so the same code
 * works from src/ under tsx and from the bundle in dist/server/.
 */
function findRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('package.json not found above the server');
  }
}

export const appRoot = findRoot();
export const appPath = (...segments: string[]) => join(appRoot, ...segments);
